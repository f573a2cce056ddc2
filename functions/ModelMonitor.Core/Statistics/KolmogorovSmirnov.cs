using System.Buffers;

namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Two-sided two-sample Kolmogorov–Smirnov test, numerically equivalent to
/// <c>scipy.stats.ks_2samp(x, y, alternative='two-sided', method='auto')</c> (golden tests use SciPy 1.10; the
/// dispatch and recursions are unchanged in current SciPy).
/// </summary>
/// <remarks>
/// <para>
/// D is evaluated at every distinct pooled value with right-continuous ECDFs, so ties within and across samples are
/// handled exactly. For raw samples D is computed in integer arithmetic as h / lcm(n, m).
/// </para>
/// <para>
/// p-value: when max(n, m) ≤ <see cref="MaxExactSampleSize"/> the exact null distribution (Hodges' lattice-path
/// counting; Viehmann's 1 − p recursion for n ≠ m, the closed form for n = m); if that fails numerically, or for larger
/// samples, the one-sample Kolmogorov distribution with size round(n·m/(n+m)) (SciPy's <c>kstwo</c>, not the limiting
/// <c>kstwobign</c>).
/// </para>
/// <para>
/// Sketch path: <see cref="WeightedStatistic"/> computes D between two weighted empirical CDFs and
/// <see cref="PValue(double, long, long)"/> turns any D into a p-value for given (effective) sample sizes with the same dispatch.
/// </para>
/// <para>Empty samples are not an error here: the result is D = 0, p = 1, <see cref="KsPValueMethod.NotApplicable"/>
/// (SciPy raises). Callers gate on a minimum sample size before reading anything into it.</para>
/// </remarks>
public static class KolmogorovSmirnov
{
    /// <summary>Largest sample size for which the exact distribution is used (SciPy's <c>MAX_AUTO_N</c>).</summary>
    public const int MaxExactSampleSize = 10_000;

    /// <summary>Test on raw samples in any order; NaN is rejected. Sorts pooled copies, so the inputs are untouched.</summary>
    public static KolmogorovSmirnovResult TwoSample(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        SampleValidation.RequireNoNaN(reference, nameof(reference));
        SampleValidation.RequireNoNaN(current, nameof(current));
        double[] a = ArrayPool<double>.Shared.Rent(reference.Length);
        double[] b = ArrayPool<double>.Shared.Rent(current.Length);
        try
        {
            Span<double> sa = a.AsSpan(0, reference.Length);
            Span<double> sb = b.AsSpan(0, current.Length);
            reference.CopyTo(sa);
            current.CopyTo(sb);
            sa.Sort();
            sb.Sort();
            return TwoSampleSortedCore(sa, sb);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(a);
            ArrayPool<double>.Shared.Return(b);
        }
    }

    /// <summary>Test on samples already sorted ascending (checked: unsorted input or NaN throws).</summary>
    public static KolmogorovSmirnovResult TwoSampleSorted(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent)
    {
        SampleValidation.RequireSorted(sortedReference, nameof(sortedReference));
        SampleValidation.RequireSorted(sortedCurrent, nameof(sortedCurrent));
        return TwoSampleSortedCore(sortedReference, sortedCurrent);
    }

    /// <summary>
    /// D between two weighted empirical distributions, each given as ascending values (repeats allowed) with
    /// non-negative weights — e.g. a quantile sketch's sorted view. Returns 0 when either side has no mass.
    /// </summary>
    public static double WeightedStatistic(
        ReadOnlySpan<double> sortedReference,
        ReadOnlySpan<double> referenceWeights,
        ReadOnlySpan<double> sortedCurrent,
        ReadOnlySpan<double> currentWeights)
    {
        SampleValidation.RequireSorted(sortedReference, nameof(sortedReference));
        SampleValidation.RequireSorted(sortedCurrent, nameof(sortedCurrent));
        double totalA = SampleValidation.RequireMasses(referenceWeights, sortedReference.Length, nameof(referenceWeights));
        double totalB = SampleValidation.RequireMasses(currentWeights, sortedCurrent.Length, nameof(currentWeights));
        if (totalA <= 0 || totalB <= 0)
        {
            return 0.0;
        }

        double cumA = 0, cumB = 0, d = 0;
        int i = 0, j = 0;
        while (i < sortedReference.Length || j < sortedCurrent.Length)
        {
            double x = i < sortedReference.Length && (j >= sortedCurrent.Length || sortedReference[i] <= sortedCurrent[j])
                ? sortedReference[i]
                : sortedCurrent[j];
            while (i < sortedReference.Length && sortedReference[i] == x)
            {
                cumA += referenceWeights[i++];
            }

            while (j < sortedCurrent.Length && sortedCurrent[j] == x)
            {
                cumB += currentWeights[j++];
            }

            d = Math.Max(d, Math.Abs((cumA / totalA) - (cumB / totalB)));
        }

        return Math.Min(d, 1.0);
    }

    /// <summary>
    /// Weighted (sketch) test: D from <see cref="WeightedStatistic"/>, p-value from <see cref="PValue(double, long, long)"/> with the
    /// given effective sample sizes (normally the number of values each sketch summarizes).
    /// </summary>
    public static KolmogorovSmirnovResult TwoSampleWeighted(
        ReadOnlySpan<double> sortedReference,
        ReadOnlySpan<double> referenceWeights,
        ReadOnlySpan<double> sortedCurrent,
        ReadOnlySpan<double> currentWeights,
        long referenceSize,
        long currentSize)
    {
        double d = WeightedStatistic(sortedReference, referenceWeights, sortedCurrent, currentWeights);
        double p = PValueCore(d, referenceSize, currentSize, exactScaledStatistic: -1, out KsPValueMethod method);
        return new KolmogorovSmirnovResult(d, p, method);
    }

    /// <summary>
    /// Two-sided p-value of a statistic D for sample sizes n and m, with SciPy's 'auto' dispatch. In the exact regime
    /// D is first rounded to the nearest multiple of 1/lcm(n, m), as SciPy does, so a sketch's D can be tested.
    /// Returns 1 when either size is ≤ 0.
    /// </summary>
    public static double PValue(double statistic, long referenceSize, long currentSize) =>
        PValueCore(statistic, referenceSize, currentSize, exactScaledStatistic: -1, out _);

    /// <inheritdoc cref="PValue(double, long, long)"/>
    public static double PValue(double statistic, long referenceSize, long currentSize, out KsPValueMethod method) =>
        PValueCore(statistic, referenceSize, currentSize, exactScaledStatistic: -1, out method);

    private static KolmogorovSmirnovResult TwoSampleSortedCore(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        long n1 = a.Length, n2 = b.Length;
        if (n1 == 0 || n2 == 0)
        {
            return new KolmogorovSmirnovResult(0.0, 1.0, KsPValueMethod.NotApplicable);
        }

        long g = GreatestCommonDivisor(n1, n2);
        long n1g = n1 / g, n2g = n2 / g;
        long lcm = n1g * n2;

        // lcm·(F_a − F_b) = i·(n2/g) − j·(n1/g) is an integer, so D = h / lcm without rounding error.
        long h = 0;
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            double x = i < a.Length && (j >= b.Length || a[i] <= b[j]) ? a[i] : b[j];
            while (i < a.Length && a[i] == x)
            {
                i++;
            }

            while (j < b.Length && b[j] == x)
            {
                j++;
            }

            h = Math.Max(h, Math.Abs((i * n2g) - (j * n1g)));
        }

        double d = (double)h / lcm;
        double p = PValueCore(d, n1, n2, h, out KsPValueMethod method);
        return new KolmogorovSmirnovResult(d, p, method);
    }

    // exactScaledStatistic: h = D·lcm when known exactly (raw samples), otherwise −1 and h is rounded from D like SciPy.
    private static double PValueCore(double d, long n1, long n2, long exactScaledStatistic, out KsPValueMethod method)
    {
        if (double.IsNaN(d) || d < 0 || d > 1 + 1e-12)
        {
            throw new ArgumentOutOfRangeException(nameof(d), d, "The KS statistic must be in [0, 1].");
        }

        d = Math.Min(d, 1.0);
        if (n1 <= 0 || n2 <= 0)
        {
            method = KsPValueMethod.NotApplicable;
            return 1.0;
        }

        if (Math.Max(n1, n2) <= MaxExactSampleSize)
        {
            long g = GreatestCommonDivisor(n1, n2);
            long lcm = n1 / g * n2;
            long h = exactScaledStatistic >= 0 ? exactScaledStatistic : (long)Math.Round(d * lcm, MidpointRounding.ToEven);
            method = KsPValueMethod.Exact;
            if (h == 0)
            {
                return 1.0;
            }

            double p = n1 == n2
                ? SmirnovExact.ProbabilityOutsideSquare(n1, h)
                : SmirnovExact.ProbabilityOutsideBand(n1, n2, g, h);
            if (p is >= 0 and <= 1)
            {
                return p;
            }

            // SciPy falls back to the asymptotic distribution, with D rounded to the lattice.
            d = (double)h / lcm;
        }

        method = KsPValueMethod.Asymptotic;
        double larger = Math.Max(n1, n2), smaller = Math.Min(n1, n2);
        double en = larger * smaller / (larger + smaller);
        long effectiveSize = Math.Max(1, (long)Math.Round(en, MidpointRounding.ToEven));
        return Math.Clamp(KolmogorovDistribution.Survival(effectiveSize, d), 0.0, 1.0);
    }

    private static long GreatestCommonDivisor(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
