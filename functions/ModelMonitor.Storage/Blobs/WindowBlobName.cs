using ModelMonitor.Core.Windows;

namespace ModelMonitor.Storage.Blobs;

/// <summary>The parts of a window blob's name; <see cref="Leaf"/> is "p{partition}" or "rollup".</summary>
public readonly record struct WindowBlobName(Granularity Granularity, string ModelId, string ModelVersion, DateTimeOffset WindowStart, string Leaf)
{
    public bool IsRollup => Leaf == BlobNames.RollupLeaf;
}
