namespace ModelMonitor.Core.Statistics;

/// <summary>
/// First Wasserstein distance between two sketched distributions, with the tail of the heavier side taken from the
/// exact means rather than from the sketches.
/// </summary>
/// <remarks>
/// <para>
/// W₁ = ∫₀¹ |Q_u(p) − Q_v(p)| dp. A KLL sketch errs in rank by about the same amount everywhere, so its quantile
/// error is that rank error times the slope of Q; in a heavy right tail (lognormal, Pareto) the slope is huge, and the
/// two sketches' independent tail errors add up to a W₁ biased upward by several hundredths of a standard deviation
/// (measured: 0.075 against an exact 0.042 on 100k lognormal values with K=128).
/// </para>
/// <para>
/// The exact mean pins the tail: ∫_{1−τ}^1 Q(p) dp = mean − ∫₀^{1−τ} Q(p) dp, and the body integral comes from the
/// sketch, where its quantiles are accurate. So the tail contributes |tail mass_u − tail mass_v| (exact when the two
/// tails do not cross, a lower bound otherwise). That trades the tail's error (rank error × the tail's span) for the
/// body's (rank error × the body's span, twice: in |Q_u − Q_v| and in the transferred mass), so it is used only where
/// that is the smaller bound: the upper tail, the lower tail, or neither (light tails: plain sketch W₁).
/// </para>
/// <para>Sketches that still hold every value (unit weights) give the exact step-CDF W₁, as SciPy.</para>
/// </remarks>
public static class SketchWasserstein
{
    /// <summary>Default share of probability mass treated as the tail.</summary>
    public const double DefaultTailShare = 0.1;

    /// <summary>W₁ between <paramref name="u"/> and <paramref name="v"/>; 0 when either side is empty.</summary>
    public static double Estimate(SketchedDistribution u, SketchedDistribution v, double tailShare = DefaultTailShare)
    {
        if (!(tailShare > 0 && tailShare < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(tailShare), tailShare, "The tail share must be in (0, 0.5).");
        }

        ReadOnlySpan<double> uw = u.Weights.Span, vw = v.Weights.Span;
        if (IsExact(uw) && IsExact(vw))
        {
            return WassersteinDistance.ComputeSorted(u.SortedValues.Span, uw, v.SortedValues.Span, vw);
        }

        var qu = StepQuantiles.Of(u.SortedValues.Span, uw, nameof(u));
        var qv = StepQuantiles.Of(v.SortedValues.Span, vw, nameof(v));
        if (qu.IsEmpty || qv.IsEmpty)
        {
            return 0.0;
        }

        double low = Math.Min(Finite(u.Min, qu.First), Finite(v.Min, qv.First));
        double high = Math.Max(Finite(u.Max, qu.Last), Finite(v.Max, qv.Last));
        double bodyTop = Math.Max(qu.At(1 - tailShare), qv.At(1 - tailShare));
        double bodyBottom = Math.Min(qu.At(tailShare), qv.At(tailShare));
        double plain = high - low;
        double upper = 2 * (bodyTop - low);
        double lower = 2 * (high - bodyBottom);
        if (plain <= upper && plain <= lower)
        {
            return StepQuantiles.Integrate(qu, qv, 0, 1).AbsoluteDifference;
        }

        bool upperTail = upper <= lower;
        (double from, double to) = upperTail ? (0.0, 1 - tailShare) : (tailShare, 1.0);
        var body = StepQuantiles.Integrate(qu, qv, from, to);
        double tailU = u.Mean - body.U;
        double tailV = v.Mean - body.V;
        return body.AbsoluteDifference + Math.Abs(tailU - tailV);
    }

    private static bool IsExact(ReadOnlySpan<double> weights)
    {
        foreach (double w in weights)
        {
            if (w != 1.0)
            {
                return false;
            }
        }

        return true;
    }

    private static double Finite(double exact, double fallback) => double.IsFinite(exact) ? exact : fallback;
}
