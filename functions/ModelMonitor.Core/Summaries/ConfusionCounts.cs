namespace ModelMonitor.Core.Summaries;

/// <summary>
/// Counts of (actual, predicted) class pairs. Bounded: once <see cref="MaxPairs"/> distinct pairs exist,
/// further new pairs are counted in <see cref="Overflow"/> so that a label explosion cannot grow a blob without limit.
/// </summary>
public sealed class ConfusionCounts
{
    public const int MaxPairs = 1024;
    private readonly Dictionary<ClassPair, long> _counts = [];

    public long Overflow { get; private set; }

    public long Total { get; private set; }

    public IReadOnlyDictionary<ClassPair, long> Counts => _counts;

    public void Add(string actual, string predicted, long count = 1)
    {
        var key = new ClassPair(actual, predicted);
        Total += count;
        if (_counts.TryGetValue(key, out var existing))
        {
            _counts[key] = existing + count;
        }
        else if (_counts.Count < MaxPairs)
        {
            _counts[key] = count;
        }
        else
        {
            Overflow += count;
        }
    }

    public void Merge(ConfusionCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (pair, count) in other._counts)
        {
            Add(pair.Actual, pair.Predicted, count);
        }

        Overflow += other.Overflow;
        Total += other.Overflow;
    }

    public ConfusionCounts Clone()
    {
        var copy = new ConfusionCounts();
        copy.Merge(this);
        return copy;
    }

    internal void Restore(long overflow)
    {
        Overflow += overflow;
        Total += overflow;
    }
}
