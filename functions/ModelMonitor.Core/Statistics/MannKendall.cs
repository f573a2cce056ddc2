namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Mann–Kendall trend test of a series in time order: S = Σ_{i&lt;j} sign(y_j − y_i), Kendall's τ between time and
/// value, with the normal approximation and the tie-corrected variance (n(n−1)(2n+5) − Σ t(t−1)(2t+5)) / 18. Equals
/// SciPy's <c>kendalltau(range(n), y, method='asymptotic')</c>, whose τ-b is τ-a here because time has no ties.
/// </summary>
public static class MannKendall
{
    /// <param name="values">Finite values in time order; fewer than 3 give no evidence (τ 0, p 1).</param>
    public static MannKendallResult Test(ReadOnlySpan<double> values)
    {
        SampleValidation.RequireFinite(values, nameof(values));
        int n = values.Length;
        if (n < 3)
        {
            return new MannKendallResult(0, 0, 0, 1, 1);
        }

        long s = 0;
        for (int i = 0; i < n - 1; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                s += Math.Sign(values[j] - values[i]);
            }
        }

        double ties = 0;
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j < n && sorted[j] == sorted[i])
            {
                j++;
            }

            double t = j - i;
            ties += t * (t - 1) * ((2 * t) + 5);
            i = j;
        }

        double variance = ((n * (n - 1.0) * ((2.0 * n) + 5)) - ties) / 18.0;
        if (variance <= 0)
        {
            return new MannKendallResult(s, 0, 0, 1, 1);
        }

        double z = s / Math.Sqrt(variance);
        double pairs = n * (n - 1.0) / 2;
        double untiedPairs = pairs - TiedPairs(sorted);
        double tauB = s / Math.Sqrt(pairs * untiedPairs);
        double twoSided = StandardNormal.TwoSidedPValue(z);
        double decreasing = z < 0 ? twoSided / 2 : 1 - (twoSided / 2);
        return new MannKendallResult(s, tauB, z, twoSided, decreasing);
    }

    private static double TiedPairs(double[] sorted)
    {
        double tied = 0;
        for (int i = 0; i < sorted.Length;)
        {
            int j = i;
            while (j < sorted.Length && sorted[j] == sorted[i])
            {
                j++;
            }

            double t = j - i;
            tied += t * (t - 1) / 2;
            i = j;
        }

        return tied;
    }
}
