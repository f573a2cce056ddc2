namespace ModelMonitor.Core.Events;

/// <summary>
/// Bounded intern pool for feature names and category values: events repeat the same few strings
/// millions of times, so returning one instance avoids an allocation per value on the ingest hot path.
/// Not thread-safe: one pool per parser.
/// </summary>
public sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <param name="capacity">Distinct strings kept; beyond it new strings are allocated but not kept.</param>
    public StringPool(int capacity = 16_384)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Capacity { get; }

    public int Count => _strings.Count;

    public string Intern(ReadOnlySpan<char> value)
    {
        if (_lookup.TryGetValue(value, out var existing))
        {
            return existing;
        }

        var created = value.ToString();
        if (_strings.Count < Capacity)
        {
            _strings.Add(created, created);
        }

        return created;
    }
}
