namespace ModelMonitor.Core.Sketches;

/// <summary>
/// Category counter: exact while at most <see cref="Capacity"/> distinct items have been seen,
/// then a mergeable Misra–Gries heavy-hitters sketch; what it no longer tracks is reported as <see cref="Other"/>.
/// </summary>
public sealed class FrequentItems
{
    public const int DefaultCapacity = 256;

    public FrequentItems(int capacity = DefaultCapacity) => throw new NotImplementedException();

    public int Capacity => throw new NotImplementedException();

    /// <summary>Total weight added (exact).</summary>
    public long TotalCount => throw new NotImplementedException();

    /// <summary>True while every count is exact.</summary>
    public bool IsExact => throw new NotImplementedException();

    /// <summary>Upper bound on how much any reported count undercounts the truth (0 when exact).</summary>
    public long MaxError => throw new NotImplementedException();

    /// <summary>TotalCount minus the sum of tracked counts.</summary>
    public long Other => throw new NotImplementedException();

    public int TrackedCount => throw new NotImplementedException();

    public void Add(string item, long weight = 1) => throw new NotImplementedException();

    /// <summary>Hot-path add that allocates only when the item is new.</summary>
    public void Add(ReadOnlySpan<char> item, long weight = 1) => throw new NotImplementedException();

    public void Merge(FrequentItems other) => throw new NotImplementedException();

    /// <summary>Tracked count (a lower bound when not exact); 0 when untracked.</summary>
    public long GetCount(string item) => throw new NotImplementedException();

    /// <summary>Tracked items by descending count, ties by ordinal item order.</summary>
    public IReadOnlyList<ItemCount> Top(int n) => throw new NotImplementedException();

    public IEnumerable<ItemCount> All() => throw new NotImplementedException();

    public FrequentItems Clone() => throw new NotImplementedException();

    /// <summary>Rebuilds a counter from its serialized parts (see <see cref="All"/>, <see cref="TotalCount"/>, <see cref="MaxError"/>).</summary>
    public static FrequentItems Restore(int capacity, long totalCount, long maxError, IEnumerable<ItemCount> items) => throw new NotImplementedException();
}
