using MathNet.Numerics;

namespace ModelMonitor.Core.Statistics;

/// <summary>
/// One-sided exact tests that a rate (NaN share, missing share, out-of-range share) rose: Fisher's exact test of two
/// observed proportions and the binomial test of one proportion against a known rate.
/// </summary>
/// <remarks>
/// <para>
/// Exact rather than the pooled z-test (<see cref="TwoProportionZTest"/>) because the rates watched here are rare:
/// a handful of NaNs in an hour, none in the reference. The normal approximation is badly wrong at such counts and
/// undefined at zero; the exact tests are defined everywhere (no successes in the current window gives p = 1).
/// </para>
/// <para>
/// <see cref="FisherGreater"/> equals <c>scipy.stats.fisher_exact([[kc, nc - kc], [kr, nr - kr]], alternative='greater')</c>,
/// i.e. <c>hypergeom.sf(kc - 1, nc + nr, kc + kr, nc)</c>. <see cref="BinomialGreater"/> equals
/// <c>scipy.stats.binomtest(k, n, p, alternative='greater').pvalue</c> = <c>binom.sf(k - 1, n, p)</c>.
/// </para>
/// </remarks>
public static class RateIncreaseTest
{
    // Tail terms below this share of the running sum change nothing in double precision.
    private const double NegligibleTerm = 1e-18;

    /// <summary>P(current successes ≥ observed) under equal rates, conditional on the total successes (hypergeometric).</summary>
    public static double FisherGreater(long referenceSuccesses, long referenceTotal, long currentSuccesses, long currentTotal)
    {
        RequireCounts(referenceSuccesses, referenceTotal, nameof(referenceSuccesses));
        RequireCounts(currentSuccesses, currentTotal, nameof(currentSuccesses));
        long population = referenceTotal + currentTotal;
        long successes = referenceSuccesses + currentSuccesses;
        long draws = currentTotal;
        long low = Math.Max(0, draws - (population - successes));
        long high = Math.Min(successes, draws);
        if (currentSuccesses <= low)
        {
            return 1.0;
        }

        double mean = (double)draws * successes / population;
        if (currentSuccesses > mean)
        {
            return Math.Min(1.0, SumUpward(currentSuccesses, high, population, successes, draws));
        }

        // Below the mean the upper tail is large: 1 − the (small, accurately summed) lower tail.
        return Math.Clamp(1.0 - SumDownward(currentSuccesses - 1, low, population, successes, draws), 0.0, 1.0);
    }

    /// <summary>P(X ≥ successes) for X ~ Binomial(trials, rate): the current count is no more than the known rate explains.</summary>
    public static double BinomialGreater(long successes, long trials, double rate)
    {
        RequireCounts(successes, trials, nameof(successes));
        if (!(rate is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "Must be in [0, 1].");
        }

        if (successes == 0)
        {
            return 1.0;
        }

        if (rate == 0)
        {
            return 0.0;
        }

        if (rate == 1)
        {
            return 1.0;
        }

        // P(X ≥ k) = I_p(k, n − k + 1), the regularized incomplete beta function.
        return Math.Clamp(SpecialFunctions.BetaRegularized(successes, trials - successes + 1, rate), 0.0, 1.0);
    }

    private static double SumUpward(long from, long to, long population, long successes, long draws)
    {
        double term = Math.Exp(LogProbability(from, population, successes, draws));
        double sum = 0;
        for (long x = from; x <= to; x++)
        {
            sum += term;

            // pmf(x + 1) / pmf(x) for the hypergeometric distribution.
            term *= (double)(successes - x) * (draws - x) / ((double)(x + 1) * (population - successes - draws + x + 1));
            if (term <= sum * NegligibleTerm)
            {
                break;
            }
        }

        return sum;
    }

    private static double SumDownward(long from, long to, long population, long successes, long draws)
    {
        double term = Math.Exp(LogProbability(from, population, successes, draws));
        double sum = 0;
        for (long x = from; x >= to; x--)
        {
            sum += term;

            // pmf(x − 1) / pmf(x).
            term *= (double)x * (population - successes - draws + x) / ((double)(successes - x + 1) * (draws - x + 1));
            if (term <= sum * NegligibleTerm)
            {
                break;
            }
        }

        return sum;
    }

    private static double LogProbability(long x, long population, long successes, long draws) =>
        LogChoose(successes, x) + LogChoose(population - successes, draws - x) - LogChoose(population, draws);

    private static double LogChoose(long n, long k) =>
        SpecialFunctions.GammaLn(n + 1.0) - SpecialFunctions.GammaLn(k + 1.0) - SpecialFunctions.GammaLn(n - k + 1.0);

    private static void RequireCounts(long successes, long total, string paramName)
    {
        if (total < 0 || successes < 0 || successes > total)
        {
            throw new ArgumentOutOfRangeException(paramName, successes, $"Need 0 ≤ successes ≤ total (total = {total}).");
        }
    }
}
