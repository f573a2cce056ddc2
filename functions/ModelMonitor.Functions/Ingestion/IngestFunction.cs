using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Functions.Telemetry;

namespace ModelMonitor.Functions.Ingestion;

/// <summary>
/// The Event Hubs trigger. The host checkpoints when this returns, even after an exception, so failures must
/// not simply rethrow: the retry policy below (unbounded, exponential) holds the checkpoint and pauses the
/// partition until storage is back. Invalid events never throw: they are dead-lettered by the pipeline.
/// </summary>
public sealed class IngestFunction(IngestPipeline pipeline, MonitorMetrics metrics, ILogger<IngestFunction> logger)
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
}
