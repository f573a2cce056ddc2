namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Jensen–Shannon distance with natural log, as <c>scipy.spatial.distance.jensenshannon(p, q)</c> (base=None):
/// √(½ KL(p ‖ m) + ½ KL(q ‖ m)) with m = (p + q)/2. Symmetric, bounded by √ln 2 ≈ 0.8326.
/// </summary>
/// <remarks>
/// Inputs are counts or probabilities over aligned categories/bins; each side is normalized. No smoothing is needed
/// (m &gt; 0 wherever p or q is). Rounding can make the inner sum a hair negative for near-identical inputs, where SciPy
/// would return NaN; it is clamped to 0. Either side with zero total mass gives 0 (SciPy: NaN).
/// </remarks>
public static class JensenShannon
{
    public static double Distance(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        (double pTotal, double qTotal) = ProbabilityVectors.RequirePair(p, q);
        if (pTotal <= 0 || qTotal <= 0)
        {
            return 0.0;
        }

        double left = 0.0, right = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i] / pTotal;
            double qi = q[i] / qTotal;
            double mi = (pi + qi) / 2.0;
            left += RelativeEntropy(pi, mi);
            right += RelativeEntropy(qi, mi);
        }

        return Math.Sqrt(Math.Max(left + right, 0.0) / 2.0);
    }

    /// <summary>x·ln(x/y) with the convention 0·ln(0/y) = 0 (SciPy's <c>rel_entr</c>; y &gt; 0 whenever x &gt; 0 here).</summary>
    private static double RelativeEntropy(double x, double y) => x > 0 ? x * Math.Log(x / y) : 0.0;
}
