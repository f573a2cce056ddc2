using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Ingestion;

/// <summary>
/// What each partition last wrote (summary, high-water mark and ETag), so the next batch can fold into it and
/// write with If-Match without reading the blob first. Bounded: a least-recently-used list per partition holding
/// at most <see cref="MaxWindowsPerPartition"/> windows, so memory is bounded by sketch sizes times that cap,
/// not by traffic.
/// </summary>
/// <remarks>
/// Entries are taken out while a batch folds into them and put back only after a successful write with the
/// ETag the store returned. A failed or refused write therefore leaves nothing behind, and the next attempt reads
/// the blob. A cached entry is never newer than the blob it came from (it is what the blob held at that ETag),
/// so a stale entry can only cost a refused write (412) and a re-read, never a lost or double-counted event.
/// </remarks>
public sealed class WindowCache
{
    /// <summary>Default per-partition cap: a few models and versions, each with the current and a few late windows.</summary>
    public const int DefaultMaxWindowsPerPartition = 64;

    private readonly Dictionary<string, PartitionEntries> _partitions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <param name="maxWindowsPerPartition">Windows kept per partition; the least recently used goes first.</param>
    public WindowCache(int maxWindowsPerPartition = DefaultMaxWindowsPerPartition)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWindowsPerPartition, 1);
        MaxWindowsPerPartition = maxWindowsPerPartition;
    }

    /// <summary>Windows kept per partition.</summary>
    /// <value>Default <see cref="DefaultMaxWindowsPerPartition"/>.</value>
    public int MaxWindowsPerPartition { get; }

    /// <summary>Windows held now, over all partitions.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _partitions.Values.Sum(p => p.Map.Count);
            }
        }
    }

    /// <summary>Removes and returns the window this partition last wrote, if still held.</summary>
    public bool TryTake(string partition, WindowKey key, out StoredWindow window)
    {
        lock (_lock)
        {
            if (_partitions.TryGetValue(partition, out var entries) && entries.Map.Remove(key, out var node))
            {
                entries.Order.Remove(node);
                window = node.Value.Window;
                return true;
            }
        }

        window = null!;
        return false;
    }

    /// <summary>Keeps <paramref name="window"/> (which must carry the ETag the store holds) as this partition's latest for <paramref name="key"/>.</summary>
    public void Put(string partition, WindowKey key, StoredWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.ETag is null)
        {
            return;
        }

        lock (_lock)
        {
            if (!_partitions.TryGetValue(partition, out var entries))
            {
                entries = new PartitionEntries();
                _partitions[partition] = entries;
            }

            if (entries.Map.Remove(key, out var existing))
            {
                entries.Order.Remove(existing);
            }

            entries.Map[key] = entries.Order.AddFirst((key, window));
            while (entries.Map.Count > MaxWindowsPerPartition)
            {
                var oldest = entries.Order.Last!;
                entries.Order.RemoveLast();
                entries.Map.Remove(oldest.Value.Key);
            }
        }
    }

    /// <summary>Drops everything held for a partition (for example when this host stops owning it).</summary>
    public void Forget(string partition)
    {
        lock (_lock)
        {
            _partitions.Remove(partition);
        }
    }

    private sealed class PartitionEntries
    {
        public Dictionary<WindowKey, LinkedListNode<(WindowKey Key, StoredWindow Window)>> Map { get; } = [];

        public LinkedList<(WindowKey Key, StoredWindow Window)> Order { get; } = new();
    }
}
