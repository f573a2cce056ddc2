namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Survival function of the one-sided one-sample statistic D⁺_n (SciPy's <c>scipy.special.smirnov(n, x)</c>), from
/// the Smirnov / Birnbaum–Tingey sum
/// P(D⁺_n ≥ x) = x · Σ_{v=0}^{⌊n(1−x)⌋} C(n, v) (x + v/n)^{v−1} (1 − x − v/n)^{n−v}.
/// </summary>
/// <remarks>
/// All terms are positive, so the sum is evaluated term by term in log space in plain doubles (relative error
/// ~1e-12 even for n in the hundreds of thousands), rather than in SciPy's double-double arithmetic; the callers need
/// absolute accuracy of 1e-6 at most. n·x is split into an exact integer part and fraction with a fused multiply-add so
/// the summation limit and the (1 − x − v/n) factors do not suffer from rounding of n·x.
/// </remarks>
internal static class SmirnovOneSided
{
    /// <summary>log(2^−1022), Cephes' MINLOG: below e^(−2nx²) ≈ this the tail underflows.</summary>
    private const double MinLog = -708.3964185322641;

    /// <summary>Above this n SciPy (and this class) use the approximation exp(−(6nx + 1)² / (18n)).</summary>
    private const long MaxComputeN = 1_000_000;

    /// <summary>2^−52, C's DBL_EPSILON (not <see cref="double.Epsilon"/>, which is the smallest subnormal).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    public static double Survival(long n, double x)
    {
        if (n == 1)
        {
            return 1 - x;
        }

        if (x <= 0.0)
        {
            return 1.0;
        }

        if (x >= 1.0)
        {
            return 0.0;
        }

        double nd = n;
        double rounded = nd * x;
        double error = Math.FusedMultiplyAdd(nd, x, -rounded);
        double floor = Math.Floor(rounded);
        double alpha = rounded - floor + error;
        if (alpha < 0)
        {
            floor -= 1;
            alpha += 1;
        }
        else if (alpha >= 1)
        {
            floor += 1;
            alpha -= 1;
        }

        long nxFloor = (long)floor;
        if (nxFloor == 0 || (nxFloor == 1 && alpha == 0))
        {
            // x ≤ 1/n: CDF = x (1 + x)^(n−1).
            return 1 - (x * Math.Pow(1 + x, n - 1));
        }

        if (-2 * nd * x * x < MinLog)
        {
            return 0.0;
        }

        if (nxFloor >= n - 1)
        {
            return Math.Pow(1 - x, n);
        }

        if (n > MaxComputeN)
        {
            double logP = -Math.Pow((6.0 * nd * x) + 1, 2) / 18.0 / nd;
            return logP < -Math.Log(2) ? Math.Exp(logP) : 1 - (-double.ExpM1(logP));
        }

        // Terms v = 0 … n − ⌊nx⌋ − 1: the term where 1 − x − v/n hits 0 exactly (integer nx) contributes nothing.
        long last = n - nxFloor - 1;
        double logN = Math.Log(nd);
        double logBinomial = 0.0;
        double sum = 0.0;
        for (long v = 0; v <= last; v++)
        {
            double up = nxFloor + v + alpha;          // n (x + v/n)
            double down = n - nxFloor - v - alpha;     // n (1 − x − v/n)
            double logTerm = logBinomial + ((v - 1) * (Math.Log(up) - logN)) + ((n - v) * (Math.Log(down) - logN));
            double term = Math.Exp(logTerm);
            sum += term;

            // Same stopping rule as SciPy: stop once the remaining terms cannot change the sum.
            bool negligible = term > 0
                ? v != last && 4.0 * (last - v + 1) * term < MachineEpsilon * sum
                : v > n / 2;
            if (negligible)
            {
                break;
            }

            logBinomial += Math.Log((double)(n - v) / (v + 1));
        }

        return Math.Clamp(x * sum, 0.0, 1.0);
    }
}
