using System.Threading.Channels;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Cli.Sources;

/// <summary>
/// Drains an <see cref="IEventSource"/> into the ingest pipeline as the Event Hubs trigger would: batches of one
/// partition strictly in order, different partitions concurrently (each partition writes its own window blobs,
/// so they never contend).
/// </summary>
public sealed class SourceIngestor(IngestPipeline pipeline)
{
    /// <summary>Batches buffered per partition ahead of its worker; bounds memory when the source is faster.</summary>
    private const int BatchesAhead = 2;

    /// <param name="source">Where the batches come from.</param>
    /// <param name="afterBatch">Called after each batch with the batch and the running totals (progress display); never concurrently.</param>
    /// <param name="cancellationToken">Stops between or during batches; what was written stays written and is skipped next time.</param>
    public async Task<IngestResult> RunAsync(IEventSource source, Action<PartitionBatch, IngestResult>? afterBatch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var gate = new Lock();
        var total = IngestResult.Empty;
        var workers = new Dictionary<string, (Channel<PartitionBatch> Queue, Task Done)>(StringComparer.Ordinal);

        async Task DrainAsync(ChannelReader<PartitionBatch> queue)
        {
            try
            {
                await foreach (var batch in queue.ReadAllAsync(failed.Token))
                {
                    var result = await pipeline.ProcessAsync(batch.Partition, batch.Messages, failed.Token);
                    lock (gate)
                    {
                        total = total.Add(result);
                        afterBatch?.Invoke(batch, total);
                    }
                }
            }
            catch
            {
                // Stop the reader and the other partitions; the first failure is what the caller sees.
                await failed.CancelAsync();
                throw;
            }
        }

        try
        {
            await foreach (var batch in source.ReadBatchesAsync(failed.Token))
            {
                if (!workers.TryGetValue(batch.Partition, out var worker))
                {
                    var queue = Channel.CreateBounded<PartitionBatch>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
                    worker = (queue, Task.Run(() => DrainAsync(queue.Reader), CancellationToken.None));
                    workers.Add(batch.Partition, worker);
                }

                await worker.Queue.Writer.WriteAsync(batch, failed.Token);
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // A worker failed: fall through to surface its exception rather than this cancellation.
        }
        finally
        {
            foreach (var worker in workers.Values)
            {
                worker.Queue.Writer.TryComplete();
            }
        }

        await Task.WhenAll(workers.Values.Select(w => w.Done));
        return total;
    }
}
