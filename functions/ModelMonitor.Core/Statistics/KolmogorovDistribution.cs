namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Survival function of the one-sample two-sided Kolmogorov–Smirnov statistic, P(D_n ≥ x) for finite n:
/// the quantity SciPy's <c>scipy.stats.kstwo.sf(x, n)</c> returns, which <c>ks_2samp</c> uses as its
/// "asymptotic" two-sample p-value with n = round(n₁n₂/(n₁+n₂)).
/// </summary>
/// <remarks>
/// Branches follow Simard &amp; L'Ecuyer (2011), "Computing the two-sided Kolmogorov–Smirnov distribution", with
/// SciPy's cut-offs so each region uses the same method as SciPy: Ruben–Gambino closed forms at the ends,
/// Durbin's matrix (Marsaglia–Tsang–Wang), the Pomeranz recursion, the Pelz–Good expansion, and twice the exact
/// one-sided Smirnov tail where the two one-sided events cannot overlap (or barely do). One deliberate deviation: the
/// survival is returned as exactly 1 where SciPy's value differs from 1 by less than 1.4e-11 (see the code).
/// </remarks>
internal static class KolmogorovDistribution
{
    /// <summary>n·x² at or below which P(D_n ≤ x) &lt; 1.4e-11 for every n &gt; 140 (z = x√n ≤ 0.2).</summary>
    private const double NegligibleCdfNxSquared = 0.04;

    // Stirling series coefficients B_2j / (2j (2j − 1)) for j = 8 … 1, highest order first.
    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    /// <summary>P(D_n ≥ x).</summary>
    public static double Survival(long n, double x)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (double.IsNaN(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "x must not be NaN.");
        }

        if (x >= 1.0)
        {
            return 0.0;
        }

        if (x <= 0.0)
        {
            return 1.0;
        }

        double t = n * x;
        if (t <= 1.0)
        {
            // Ruben–Gambino: for 1/(2n) ≤ x ≤ 1/n the CDF is n!/nⁿ · (2t − 1)ⁿ.
            if (t <= 0.5)
            {
                return 1.0;
            }

            double cdf;
            if (n <= 140)
            {
                cdf = 1.0;
                for (long i = 1; i <= n; i++)
                {
                    cdf *= i * (1.0 / n) * ((2 * t) - 1);
                }
            }
            else
            {
                cdf = Math.Exp(LogFactorialOverPower(n) + (n * Math.Log((2 * t) - 1)));
            }

            return Clip(1.0 - cdf);
        }

        if (t >= n - 1)
        {
            // Ruben–Gambino upper end: P(D_n ≥ x) = 2(1 − x)ⁿ for x ≥ 1 − 1/n.
            return Clip(2 * Math.Pow(1.0 - x, n));
        }

        if (x >= 0.5)
        {
            // D⁺ ≥ x and D⁻ ≥ x cannot both happen for x ≥ 1/2, so the tail is exactly twice the one-sided one.
            return Clip(2 * SmirnovOneSided.Survival(n, x));
        }

        double nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
            {
                return Clip(1.0 - KolmogorovDurbin.Cdf(n, x));
            }

            if (nxSquared <= 4)
            {
                return Clip(1.0 - KolmogorovPomeranz.Cdf(n, x));
            }

            return Clip(2 * SmirnovOneSided.Survival(n, x));
        }

        if (nxSquared >= 370.0)
        {
            return 0.0;
        }

        if (nxSquared <= NegligibleCdfNxSquared)
        {
            // Deliberate shortcut (SciPy runs Durbin's matrix or Pelz–Good here): for n > 140 and n·x² ≤ 0.04 the CDF
            // is below 1.4e-11 (SciPy scan over n from 141 to 2·10⁶; the limit K(0.2) is 5e-13), so the survival is
            // 1 to that accuracy, and an O(k³ log n) matrix power with k = ⌈n·x⌉ up to ~60 is skipped on the common
            // "no drift" path.
            return 1.0;
        }

        if (nxSquared >= 2.2)
        {
            // Miller's approximation: the overlap of the two one-sided tails is negligible here.
            return Clip(2 * SmirnovOneSided.Survival(n, x));
        }

        double lowerTail = n <= 100_000 && n * Math.Pow(x, 1.5) <= 1.4
            ? KolmogorovDurbin.Cdf(n, x)
            : KolmogorovPelzGood.Cdf(n, x);
        return Clip(1.0 - lowerTail);
    }

    /// <summary>log(n! / nⁿ) by Stirling's series with n·log(n) removed analytically (no cancellation).</summary>
    internal static double LogFactorialOverPower(long n)
    {
        double rn = 1.0 / n;
        double series = 0.0;
        double u = rn / n;
        foreach (double c in StirlingCoefficients)
        {
            series = (series * u) + c;
        }

        return (Math.Log(n) / 2) - n + (LogTwoPi / 2) + (rn * series);
    }

    private static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);
}
