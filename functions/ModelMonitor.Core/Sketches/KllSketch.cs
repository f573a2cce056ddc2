namespace ModelMonitor.Core.Sketches;

/// <summary>
/// Mergeable quantile sketch (KLL, Karnin–Lang–Liberty 2016) over doubles with bounded memory.
/// API contract used by window summaries; NaN and infinities are never passed in (callers count them separately).
/// </summary>
public sealed class KllSketch
{
    /// <summary>Default accuracy parameter. See <see cref="NormalizedRankError"/>.</summary>
    public const int DefaultK = 200;

    public KllSketch(int k = DefaultK) => throw new NotImplementedException();

    public int K => throw new NotImplementedException();

    /// <summary>Number of values represented (exact).</summary>
    public long Count => throw new NotImplementedException();

    public bool IsEmpty => Count == 0;

    /// <summary>Exact minimum, NaN when empty.</summary>
    public double Min => throw new NotImplementedException();

    /// <summary>Exact maximum, NaN when empty.</summary>
    public double Max => throw new NotImplementedException();

    /// <summary>Items currently retained (memory is O(K log(Count/K)) at most).</summary>
    public int RetainedCount => throw new NotImplementedException();

    /// <summary>Documented bound on the rank error of any single query, at 99% confidence, for this K.</summary>
    public double NormalizedRankError => throw new NotImplementedException();

    public void Update(double value) => throw new NotImplementedException();

    public void Merge(KllSketch other) => throw new NotImplementedException();

    /// <summary>Approximate value at normalized rank <paramref name="rank"/> in [0,1]; NaN when empty.</summary>
    public double GetQuantile(double rank) => throw new NotImplementedException();

    /// <summary>Approximate fraction of values ≤ <paramref name="value"/>.</summary>
    public double GetRank(double value) => throw new NotImplementedException();

    /// <summary>Retained items sorted ascending with their weights (weights sum to Count): the sketch's CDF.</summary>
    public IReadOnlyList<WeightedValue> GetSortedView() => throw new NotImplementedException();

    public KllSketch Clone() => throw new NotImplementedException();

    /// <summary>Compact, versioned binary form.</summary>
    public byte[] ToBytes() => throw new NotImplementedException();

    public static KllSketch FromBytes(ReadOnlySpan<byte> bytes) => throw new NotImplementedException();
}
