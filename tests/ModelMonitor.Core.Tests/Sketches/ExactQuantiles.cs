namespace ModelMonitor.Core.Tests.Sketches;

/// <summary>Exact ranks and quantiles of a data set, the reference the sketches are checked against.</summary>
internal sealed class ExactQuantiles
{
    private readonly double[] _sorted;

    public ExactQuantiles(IEnumerable<double> data)
    {
        _sorted = data.ToArray();
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    /// <summary>Fraction of values ≤ <paramref name="value"/>.</summary>
    public double RankAtOrBelow(double value) => (double)UpperBound(value) / _sorted.Length;

    /// <summary>Fraction of values &lt; <paramref name="value"/>.</summary>
    public double RankBelow(double value) => (double)LowerBound(value) / _sorted.Length;

    /// <summary>Smallest value whose rank (fraction ≤ it) is at least <paramref name="rank"/>.</summary>
    public double Quantile(double rank) =>
        _sorted[Math.Clamp((int)Math.Ceiling(rank * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    /// <summary>
    /// Worst rank error of a sketch over ranks 0, 0.01, …, 1, both ways: how far its rank of each exact quantile is
    /// from the exact rank, and how far each requested rank lies outside the exact rank range [below, at or below]
    /// of the value the sketch returns for it (the range matters with ties).
    /// </summary>
    public double MaxRankError(Func<double, double> sketchRank, Func<double, double> sketchQuantile)
    {
        double worst = 0;
        for (int i = 0; i <= 100; i++)
        {
            double rank = i / 100.0;
            double exactQuantile = Quantile(rank);
            worst = Math.Max(worst, Math.Abs(sketchRank(exactQuantile) - RankAtOrBelow(exactQuantile)));

            double estimate = sketchQuantile(rank);
            double below = RankBelow(estimate);
            double atOrBelow = RankAtOrBelow(estimate);
            double outside = rank < below ? below - rank : rank > atOrBelow ? rank - atOrBelow : 0;
            worst = Math.Max(worst, outside);
        }

        return worst;
    }

    private int UpperBound(double value)
    {
        int lo = 0;
        int hi = _sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private int LowerBound(double value)
    {
        int lo = 0;
        int hi = _sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
