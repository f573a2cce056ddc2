using System.Runtime.CompilerServices;
using ModelMonitor.Cli.Sources;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Cli.Demo;

/// <summary>
/// Stands in for Event Hubs: routes each message by its partition key to one of
/// <see cref="DemoSettings.PartitionCount"/> partitions (named by <see cref="DemoSettings.PartitionName"/>), numbers it with the partition's next
/// sequence number (from 0, like Event Hubs) and hands over a partition's messages in batches of up to
/// <see cref="PartitionBatch.MaxMessages"/>. The enqueued time is the simulated arrival time, so a re-run
/// produces identical batches and the pipeline skips them as redeliveries.
/// </summary>
internal sealed class SyntheticEventSource(SyntheticStream stream, DemoSettings settings, int maxBatch = PartitionBatch.MaxMessages) : IEventSource
{
    public double Progress => stream.Progress;

    public async IAsyncEnumerable<PartitionBatch> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var partitionCount = DemoSettings.PartitionCount;
        var pending = new List<IncomingMessage>[partitionCount];
        var next = new long[partitionCount];
        for (var p = 0; p < partitionCount; p++)
        {
            pending[p] = new List<IncomingMessage>(maxBatch);
        }

        foreach (var message in stream.Messages())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var p = DemoSeeds.Partition(message.PartitionKey, partitionCount);
            pending[p].Add(new IncomingMessage(message.Body, next[p]++, message.Arrival));
            if (pending[p].Count == maxBatch)
            {
                yield return new PartitionBatch(settings.PartitionName(p), pending[p]);
                pending[p] = new List<IncomingMessage>(maxBatch);
            }
        }

        for (var p = 0; p < partitionCount; p++)
        {
            if (pending[p].Count > 0)
            {
                yield return new PartitionBatch(settings.PartitionName(p), pending[p]);
            }
        }

        await Task.CompletedTask;
    }
}
