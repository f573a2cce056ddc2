namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Confidence intervals for a binomial proportion (accuracy, positive rate, …), used to avoid alarming on small label
/// windows: act only when the whole interval is past the threshold.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Wilson"/> is the recommended one: good coverage even for small n and p near 0 or 1, and always inside
/// [0, 1]. <see cref="Wald"/> (normal approximation, p̂ ± z·√(p̂(1−p̂)/n)) is provided for comparison; it collapses to
/// a point at p̂ = 0 or 1 and is clipped to [0, 1] here (statsmodels' 'normal' method does not clip).
/// </para>
/// <para>z = Φ⁻¹(1 − (1 − confidence)/2). No trials gives the uninformative [0, 1].</para>
/// </remarks>
public static class ProportionConfidenceInterval
{
    /// <summary>Default confidence level.</summary>
    public const double DefaultConfidence = 0.95;

    public static ConfidenceInterval Wilson(long successes, long trials, double confidence = DefaultConfidence)
    {
        if (!Prepare(successes, trials, confidence, out double q, out double z))
        {
            return new ConfidenceInterval(0.0, 1.0);
        }

        double n = trials;
        double z2 = z * z;
        double denominator = 1 + (z2 / n);
        double centre = (q + (z2 / (2 * n))) / denominator;
        double halfWidth = z * Math.Sqrt((q * (1.0 - q) / n) + (z2 / (4.0 * n * n))) / denominator;

        // At p̂ = 0 (or 1) the bound is exactly 0 (or 1); the formula leaves ~1e-17 of rounding residue.
        double lower = successes == 0 ? 0.0 : Math.Max(centre - halfWidth, 0.0);
        double upper = successes == trials ? 1.0 : Math.Min(centre + halfWidth, 1.0);
        return new ConfidenceInterval(lower, upper);
    }

    public static ConfidenceInterval Wald(long successes, long trials, double confidence = DefaultConfidence)
    {
        if (!Prepare(successes, trials, confidence, out double q, out double z))
        {
            return new ConfidenceInterval(0.0, 1.0);
        }

        double halfWidth = z * Math.Sqrt(q * (1 - q) / trials);
        return new ConfidenceInterval(Math.Max(0.0, q - halfWidth), Math.Min(1.0, q + halfWidth));
    }

    private static bool Prepare(long successes, long trials, double confidence, out double q, out double z)
    {
        if (trials < 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Need 0 ≤ successes ≤ trials (trials = {trials}).");
        }

        if (!(confidence is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must be in (0, 1).");
        }

        q = trials == 0 ? 0 : (double)successes / trials;
        z = StandardNormal.UpperQuantile((1 - confidence) / 2);
        return trials > 0;
    }
}
