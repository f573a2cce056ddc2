using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ModelMonitor.Core.Sketches;

/// <summary>
/// Category counter: exact while at most <see cref="Capacity"/> distinct items have been seen,
/// then a mergeable Misra–Gries heavy-hitters sketch; what it no longer tracks is reported as <see cref="Other"/>.
/// </summary>
/// <remarks>
/// <para>
/// Guarantee, in every state: for any item with true count c and reported count r (0 when untracked),
/// r ≤ c ≤ r + <see cref="MaxError"/>, and the tracked counts plus <see cref="Other"/> equal <see cref="TotalCount"/>.
/// Any item with a true count above <see cref="MaxError"/> is therefore tracked.
/// </para>
/// <para>
/// When a new item arrives and <see cref="Capacity"/> items are tracked, the median of the Capacity+1 counters is
/// subtracted from all of them and counters that reach zero are dropped (DataSketches' batched decrement): about
/// half the slots free up at once, so the O(Capacity log Capacity) purge is paid once per ~Capacity/2 new items.
/// <see cref="Merge"/> adds counters and then subtracts the (Capacity+1)-th largest (Agarwal et al. 2012,
/// "Mergeable Summaries"). Each subtracted amount is added to <see cref="MaxError"/>; it stays below about
/// 2·Other/Capacity. The observable state never depends on dictionary order, so the same updates and merges
/// always give the same counts. Not thread-safe, not even for concurrent reads: a read first writes back the pending
/// adds of the last item (see <c>Counts</c>).
/// </para>
/// </remarks>
public sealed class FrequentItems
{
    public const int DefaultCapacity = 256;

    /// <summary>Largest accepted capacity; bounds memory of a counter restored from untrusted parts.</summary>
    public const int MaxCapacity = 1 << 20;

    private static readonly Comparison<ItemCount> ByCountThenItem = (a, b) =>
    {
        int byCount = b.Count.CompareTo(a.Count);
        return byCount != 0 ? byCount : string.CompareOrdinal(a.Item, b.Item);
    };

    private readonly int _capacity;
    private readonly Dictionary<string, long> _counts;
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;
    private long _totalCount;
    private long _trackedSum;
    private long _maxError;

    // The tracked item added last, and adds to it not yet written to its dictionary slot. Streams repeat their
    // categories (a status, a slot, a label), so a reference check replaces a hash lookup; Counts
    // writes them back before anything else reads or changes the dictionary.
    private string? _lastItem;
    private long _lastPending;

    // Reused by the purge on the add path so that steady-state adds do not allocate.
    private string[]? _purgeKeys;
    private long[]? _purgeCounts;

    /// <summary>Creates an empty counter.</summary>
    /// <param name="capacity">Most items tracked, in [1, <see cref="MaxCapacity"/>].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is outside the accepted range.</exception>
    public FrequentItems(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxCapacity);
        _capacity = capacity;

        // Grown on demand, not sized to the capacity: most counters (statuses, slots, labels) hold a handful of items,
        // and a window summary has a dozen counters, restored from storage on every batch that touches the window.
        _counts = new Dictionary<string, long>(StringComparer.Ordinal);
        _spanLookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Capacity => _capacity;

    /// <summary>Total weight added (exact).</summary>
    public long TotalCount => _totalCount;

    /// <summary>True while every count is exact.</summary>
    public bool IsExact => _maxError == 0;

    /// <summary>Upper bound on how much any reported count undercounts the truth (0 when exact).</summary>
    public long MaxError => _maxError;

    /// <summary>TotalCount minus the sum of tracked counts.</summary>
    public long Other => _totalCount - _trackedSum;

    public int TrackedCount => Counts.Count;

    /// <summary>Adds <paramref name="weight"/> occurrences of <paramref name="item"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null (the empty string is a valid category).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not positive.</exception>
    public void Add(string item, long weight = 1)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        _totalCount = checked(_totalCount + weight);
        if (ReferenceEquals(item, _lastItem))
        {
            _lastPending += weight;
            _trackedSum += weight;
            return;
        }

        ref long slot = ref CollectionsMarshal.GetValueRefOrNullRef(Counts, item);
        if (!Unsafe.IsNullRef(ref slot))
        {
            slot += weight;
            _trackedSum += weight;
            _lastItem = item;
            return;
        }

        AddNew(item, weight);
    }

    /// <summary>Hot-path add that allocates only when the item is new.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not positive.</exception>
    public void Add(ReadOnlySpan<char> item, long weight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        _totalCount = checked(_totalCount + weight);
        FlushLast();
        ref long slot = ref CollectionsMarshal.GetValueRefOrNullRef(_spanLookup, item);
        if (!Unsafe.IsNullRef(ref slot))
        {
            slot += weight;
            _trackedSum += weight;
            return;
        }

        AddNew(item.ToString(), weight);
    }

    /// <summary>Adds everything counted by <paramref name="other"/> (left unchanged); the result keeps this capacity.</summary>
    public void Merge(FrequentItems other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            other = other.Clone();
        }

        checked
        {
            _totalCount += other._totalCount;
            _maxError += other._maxError;
            _trackedSum += other._trackedSum;
            var counts = Counts;
            foreach (var (item, count) in other.Counts)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(counts, item, out _) += count;
            }
        }

        if (Counts.Count > _capacity)
        {
            Purge(_capacity);

            // Merging may have grown the dictionary well past capacity; give the memory back.
            Counts.TrimExcess(_capacity + 1);
        }
    }

    /// <summary>Tracked count (a lower bound when not exact); 0 when untracked.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public long GetCount(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Counts.TryGetValue(item, out long count) ? count : 0;
    }

    /// <summary>Tracked items by descending count, ties by ordinal item order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public IReadOnlyList<ItemCount> Top(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var sorted = SortedItems();
        return n >= sorted.Length ? sorted : sorted[..n];
    }

    /// <summary>Every tracked item, in the order of <see cref="Top"/> (so serialized forms are canonical).</summary>
    public IEnumerable<ItemCount> All() => SortedItems();

    public FrequentItems Clone()
    {
        var clone = new FrequentItems(_capacity)
        {
            _totalCount = _totalCount,
            _trackedSum = _trackedSum,
            _maxError = _maxError,
        };
        foreach (var (item, count) in Counts)
        {
            clone._counts.Add(item, count);
        }

        return clone;
    }

    /// <summary>Rebuilds a counter from its serialized parts (see <see cref="All"/>, <see cref="TotalCount"/>, <see cref="MaxError"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is outside the accepted range.</exception>
    /// <exception cref="ArgumentException">The parts are inconsistent: negative totals, a null, duplicate or non-positive
    /// item, more items than the capacity, tracked counts above the total, or an exact counter whose counts do not add up.</exception>
    public static FrequentItems Restore(int capacity, long totalCount, long maxError, IEnumerable<ItemCount> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var restored = new FrequentItems(capacity);
        if (totalCount < 0)
        {
            throw new ArgumentException($"Total count {totalCount} is negative.", nameof(totalCount));
        }

        if (maxError < 0)
        {
            throw new ArgumentException($"Max error {maxError} is negative.", nameof(maxError));
        }

        long trackedSum = 0;
        foreach (var (item, count) in items)
        {
            if (item is null)
            {
                throw new ArgumentException("Items must not be null.", nameof(items));
            }

            if (count <= 0)
            {
                throw new ArgumentException($"Item '{item}' has non-positive count {count}.", nameof(items));
            }

            if (restored._counts.Count == capacity)
            {
                throw new ArgumentException($"More than {capacity} items for a capacity of {capacity}.", nameof(items));
            }

            if (!restored._counts.TryAdd(item, count))
            {
                throw new ArgumentException($"Item '{item}' appears more than once.", nameof(items));
            }

            trackedSum = trackedSum > long.MaxValue - count ? long.MaxValue : trackedSum + count;
        }

        if (trackedSum > totalCount)
        {
            throw new ArgumentException($"Tracked counts sum to more than the total count {totalCount}.", nameof(items));
        }

        if (maxError == 0 && trackedSum != totalCount)
        {
            throw new ArgumentException(
                $"An exact counter (max error 0) must track the whole total {totalCount}, not {trackedSum}.", nameof(items));
        }

        restored._totalCount = totalCount;
        restored._trackedSum = trackedSum;
        restored._maxError = maxError;
        return restored;
    }

    private Dictionary<string, long> Counts
    {
        get
        {
            FlushLast();
            return _counts;
        }
    }

    private void FlushLast()
    {
        if (_lastItem is null)
        {
            return;
        }

        if (_lastPending != 0)
        {
            CollectionsMarshal.GetValueRefOrNullRef(_counts, _lastItem) += _lastPending;
        }

        _lastItem = null;
        _lastPending = 0;
    }

    private void AddNew(string item, long weight)
    {
        Counts.Add(item, weight);
        _trackedSum += weight;
        if (Counts.Count > _capacity)
        {
            // Keep at most half the slots (rounded up): subtracting the median of the Capacity+1 counters.
            Purge(_capacity - (_capacity / 2));
        }
    }

    // Subtracts the (keep+1)-th largest counter from every counter and drops those left non-positive,
    // so at most `keep` counters remain. The amount is how much any item's count may now undercount.
    private void Purge(int keep)
    {
        var tracked = Counts;
        int n = tracked.Count;
        string[] keys;
        long[] counts;
        if (n <= _capacity + 1)
        {
            keys = _purgeKeys ??= new string[_capacity + 1];
            counts = _purgeCounts ??= new long[2 * (_capacity + 1)];
        }
        else
        {
            keys = new string[n];
            counts = new long[2 * n];
        }

        // counts[0..n) follow keys; counts[n..2n) is the copy we sort to find the order statistic.
        int i = 0;
        foreach (var (item, count) in tracked)
        {
            keys[i] = item;
            counts[i] = count;
            i++;
        }

        var sorted = counts.AsSpan(n, n);
        counts.AsSpan(0, n).CopyTo(sorted);
        sorted.Sort();
        long delta = sorted[n - keep - 1];

        long removed = 0;
        for (i = 0; i < n; i++)
        {
            long left = counts[i] - delta;
            if (left > 0)
            {
                CollectionsMarshal.GetValueRefOrNullRef(tracked, keys[i]) = left;
                removed += delta;
            }
            else
            {
                tracked.Remove(keys[i]);
                removed += counts[i];
            }
        }

        // Do not keep dropped strings alive through the scratch array.
        Array.Clear(keys, 0, n);
        _trackedSum -= removed;
        _maxError = checked(_maxError + delta);
    }

    private ItemCount[] SortedItems()
    {
        var tracked = Counts;
        var items = new ItemCount[tracked.Count];
        int i = 0;
        foreach (var (item, count) in tracked)
        {
            items[i++] = new ItemCount(item, count);
        }

        Array.Sort(items, ByCountThenItem);
        return items;
    }
}
