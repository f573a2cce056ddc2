namespace ModelMonitor.Core.Summaries;

/// <summary>
/// Reliability-diagram bins for binary scores: per equal-width probability bin, how many predictions fell in it,
/// the sum of their predicted probabilities and how many turned out positive.
/// </summary>
public sealed class CalibrationBins
{
    public const int DefaultBinCount = 10;

    public CalibrationBins(int binCount = DefaultBinCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        Counts = new long[binCount];
        SumPredicted = new double[binCount];
        Positives = new long[binCount];
    }

    internal CalibrationBins(long[] counts, double[] sumPredicted, long[] positives)
    {
        if (counts.Length == 0 || counts.Length != sumPredicted.Length || counts.Length != positives.Length)
        {
            throw new FormatException("Calibration bins must be non-empty arrays of equal length.");
        }

        Counts = counts;
        SumPredicted = sumPredicted;
        Positives = positives;
    }

    public int BinCount => Counts.Length;

    public long[] Counts { get; }

    public double[] SumPredicted { get; }

    public long[] Positives { get; }

    public long Total => Counts.Sum();

    public void Add(double probability, bool positive)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            return;
        }

        var bin = Math.Min(BinCount - 1, (int)(probability * BinCount));
        Counts[bin]++;
        SumPredicted[bin] += probability;
        if (positive)
        {
            Positives[bin]++;
        }
    }

    public void Merge(CalibrationBins other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.BinCount != BinCount)
        {
            throw new ArgumentException($"Cannot merge {other.BinCount} calibration bins into {BinCount}.", nameof(other));
        }

        for (var i = 0; i < BinCount; i++)
        {
            Counts[i] += other.Counts[i];
            SumPredicted[i] += other.SumPredicted[i];
            Positives[i] += other.Positives[i];
        }
    }

    public CalibrationBins Clone() => new((long[])Counts.Clone(), (double[])SumPredicted.Clone(), (long[])Positives.Clone());
}
