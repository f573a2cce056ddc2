using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Cli.Sources;

/// <summary>Messages of one partition in sequence order, as a trigger invocation would receive them.</summary>
public sealed record PartitionBatch(string Partition, IReadOnlyList<IncomingMessage> Messages)
{
    /// <summary>Largest batch handed to the pipeline, as the Function's Event Hubs <c>maxEventBatchSize</c>.</summary>
    public const int MaxMessages = 1000;
}
