using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Service.Ingestion;

namespace ModelMonitor.Functions.Ingestion;

/// <summary>
/// The Event Hubs trigger. The host checkpoints when this returns, even after an exception, so failures must
/// not simply rethrow: transient ones (<see cref="FailureClassifier"/>) do, and the retry policy below (unbounded,
/// exponential) holds the checkpoint and pauses the partition until storage is back. A failure that no retry can
/// cure would hold the partition for good, so that batch is quarantined whole to the dead letters and the function
/// returns; if even that write fails, it rethrows and the batch comes back. Invalid events never throw: they are
/// dead-lettered by the pipeline.
/// </summary>
public sealed class IngestFunction(IngestPipeline pipeline, BatchQuarantine quarantine, TimeProvider timeProvider, MonitorMetrics metrics, ILogger<IngestFunction> logger)
{
    public const string Name = "Ingest";

    [Function(Name)]
    [ExponentialBackoffRetry(-1, "00:00:05", "00:05:00")]
    public async Task<IngestResult> RunAsync(
        [EventHubTrigger("%EventHubName%", Connection = "EventHubConnection", ConsumerGroup = "%EventHubConsumerGroup%", IsBatched = true)] byte[][] messages,
        long[] sequenceNumberArray,
        DateTime[] enqueuedTimeUtcArray,
        Dictionary<string, object?> partitionContext,
        CancellationToken cancellationToken)
    {
        try
        {
            var partition = EventHubBatch.PartitionId(partitionContext);
            var batch = EventHubBatch.ToMessages(messages, sequenceNumberArray, enqueuedTimeUtcArray);
            var result = await pipeline.ProcessAsync(partition, batch, cancellationToken);

            var tags = new KeyValuePair<string, object?>("partition", partition);
            metrics.EventsReceived.Add(result.Received, tags);
            metrics.EventsFolded.Add(result.Folded, tags);
            metrics.DeadLettered.Add(result.DeadLettered, tags);
            metrics.Duplicates.Add(result.SkippedDuplicates, tags);
            metrics.WriteConflicts.Add(result.WriteConflicts, tags);
            Log.BatchIngested(logger, partition, result.Received, result.Folded, result.DeadLettered, result.SkippedDuplicates, result.WindowsWritten);
            return result;
        }
        catch (Exception ex) when (!FailureClassifier.IsTransient(ex))
        {
            return await QuarantineAsync(messages, sequenceNumberArray, enqueuedTimeUtcArray, partitionContext, ex, cancellationToken);
        }
    }

    private async Task<IngestResult> QuarantineAsync(byte[][] messages, long[] sequenceNumbers, DateTime[] enqueuedTimes, Dictionary<string, object?> partitionContext, Exception failure, CancellationToken cancellationToken)
    {
        var partition = EventHubBatch.TryGetPartitionId(partitionContext);
        var batch = EventHubBatch.ToMessagesForQuarantine(messages, sequenceNumbers, enqueuedTimes, timeProvider.GetUtcNow());
        IReadOnlyList<DeadLetter> letters;
        try
        {
            letters = await quarantine.QuarantineAsync(partition, batch, failure, cancellationToken);
        }
        catch (Exception writeFailure)
        {
            Log.QuarantineFailed(logger, new AggregateException(failure, writeFailure), partition ?? BatchQuarantine.UnknownPartition, batch.Count);
            throw;
        }

        var stored = letters.Count > 0 ? letters[0].Partition : partition ?? BatchQuarantine.UnknownPartition;
        metrics.Quarantined.Add(letters.Count, new KeyValuePair<string, object?>("partition", stored));
        Log.BatchQuarantined(logger, failure, stored, letters.Count, batch.Count > 0 ? batch[0].SequenceNumber : -1, batch.Count > 0 ? batch[^1].SequenceNumber : -1);
        return IngestResult.Empty with { Quarantined = letters.Count };
    }
}
