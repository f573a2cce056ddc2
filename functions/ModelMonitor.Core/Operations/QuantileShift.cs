using ModelMonitor.Core.Sketches;
using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// Whether the q-quantile of a current sample sits significantly higher in a baseline's distribution than q, from two
/// KLL sketches: under "no worse", the baseline rank of the current q-quantile is q with sampling variance
/// q(1−q)(1/n₁ + 1/n₀), and each sketch adds at most its normalized rank error (zero while it is exact). The shift is
/// reduced by both rank errors before it is divided by the sampling standard deviation, so sketch error never counts
/// as evidence.
/// </summary>
internal static class QuantileShift
{
    /// <summary>Returns (current quantile, baseline quantile, rank shift beyond the sketch errors, its z score).</summary>
    public static (double Current, double Baseline, double Shift, double Z) Test(KllSketch current, KllSketch baseline, double q)
    {
        double x1 = current.GetQuantile(q);
        double x0 = baseline.GetQuantile(q);
        double rankInBaseline = baseline.GetRank(x1);
        double shift = rankInBaseline - q - RankError(current) - RankError(baseline);
        double sd = Math.Sqrt(q * (1 - q) * ((1.0 / current.Count) + (1.0 / baseline.Count)));
        return (x1, x0, shift, shift / sd);
    }

    /// <summary>One-sided critical z for a level α.</summary>
    public static double Critical(double alpha) => StandardNormal.UpperQuantile(alpha);

    private static double RankError(KllSketch sketch) => sketch.RetainedCount >= sketch.Count ? 0 : sketch.NormalizedRankError;
}
