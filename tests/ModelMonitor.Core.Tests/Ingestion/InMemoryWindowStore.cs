using System.Collections.Concurrent;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Summaries.Serialization;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Tests.Ingestion;

/// <summary>
/// A faithful in-memory store: it serializes like the blob store (so tests see what a reader would), issues
/// a new ETag per write and enforces the write conditions. Counts every call for I/O-budget assertions.
/// </summary>
internal class InMemoryWindowStore : IWindowStore
{
    private readonly ConcurrentDictionary<(WindowKey, string), (byte[] Bytes, long LastSequence, string ETag)> _blobs = new();
    private int _etag;

    public int Reads;
    public int Writes;

    public IEnumerable<(WindowKey Key, string Partition)> Keys => _blobs.Keys;

    /// <summary>The stored ETag, without counting a read (for stores that report ETags from writes).</summary>
    public string? ETagOf(WindowKey key, string partition) => _blobs.TryGetValue((key, partition), out var blob) ? blob.ETag : null;

    /// <summary>Drops a window, as retention or quarantine would.</summary>
    public void Delete(WindowKey key, string partition) => _blobs.TryRemove((key, partition), out _);

    public virtual Task<StoredWindow?> ReadAsync(WindowKey key, string partition, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Reads);
        return Task.FromResult(_blobs.TryGetValue((key, partition), out var blob)
            ? new StoredWindow(WindowSummarySerializer.Deserialize(blob.Bytes), blob.LastSequence, blob.ETag)
            : null);
    }

    public virtual Task<bool> TryWriteAsync(WindowKey key, string partition, StoredWindow window, string? expectedETag, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Writes);
        lock (_blobs)
        {
            var exists = _blobs.TryGetValue((key, partition), out var current);
            if (expectedETag is null ? exists : !exists || current.ETag != expectedETag)
            {
                return Task.FromResult(false);
            }

            var etag = $"\"{Interlocked.Increment(ref _etag)}\"";
            _blobs[(key, partition)] = (WindowSummarySerializer.Serialize(window.Summary), window.LastSequenceNumber, etag);
            return Task.FromResult(true);
        }
    }
}
