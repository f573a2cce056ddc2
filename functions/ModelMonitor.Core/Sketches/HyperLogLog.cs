namespace ModelMonitor.Core.Sketches;

/// <summary>Mergeable distinct-count estimator (HyperLogLog with the usual small-range correction).</summary>
public sealed class HyperLogLog
{
    public const int DefaultPrecision = 12;

    public HyperLogLog(int precision = DefaultPrecision) => throw new NotImplementedException();

    public int Precision => throw new NotImplementedException();

    /// <summary>Relative standard error, 1.04/sqrt(2^precision).</summary>
    public double StandardError => throw new NotImplementedException();

    public void Add(ReadOnlySpan<char> item) => throw new NotImplementedException();

    public void Merge(HyperLogLog other) => throw new NotImplementedException();

    public double Estimate() => throw new NotImplementedException();

    public HyperLogLog Clone() => throw new NotImplementedException();

    public byte[] ToBytes() => throw new NotImplementedException();

    public static HyperLogLog FromBytes(ReadOnlySpan<byte> bytes) => throw new NotImplementedException();
}
