namespace ModelMonitor.Cli.Sources;

/// <summary>
/// An in-process stand-in for an Event Hubs consumer: delivers batches of messages, each from one partition,
/// with sequence numbers increasing within a partition. Feeding these batches to the same ingest pipeline the
/// Function uses exercises everything after the trigger binding.
/// </summary>
public interface IEventSource
{
    /// <summary>Fraction of the source delivered so far, in [0, 1]; for progress display only.</summary>
    double Progress { get; }

    /// <summary>The batches in delivery order. Enumerate once.</summary>
    IAsyncEnumerable<PartitionBatch> ReadBatchesAsync(CancellationToken cancellationToken = default);
}
