using System.Diagnostics;
using System.Globalization;
using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Benchmarks;

/// <summary>
/// The timings that used to be unit-test budgets (they flaked on a shared 2-core machine): exact KS at its largest
/// size, each asymptotic KS branch, and a 50-feature drift evaluation. Reports the median of five runs of each, and
/// exits 1 when one exceeds its budget (1 s, 200 ms, 1 s in an optimized build).
/// </summary>
internal static class StatisticsBenchmark
{
    public static int Run(string[] args)
    {
        _ = args;
        var over = 0;
        foreach (var (n, m, shift) in new[] { (10_000, 10_000, 0.0), (10_000, 10_000, 1.0), (10_000, 9_999, 0.02), (10_000, 9_999, 1.0) })
        {
            double[] a = Enumerable.Range(0, n).Select(i => (i + 0.5) / n).ToArray();
            double[] b = Enumerable.Range(0, m).Select(i => ((i + 0.25) / m) + (shift * 0.1)).ToArray();
            over += Report($"exact KS {n}×{m} shift {shift}", TimeSpan.FromSeconds(1), () => KolmogorovSmirnov.TwoSampleSorted(a, b));
        }

        foreach (var (n, d) in new[] { (100_000L, 0.00058), (55_000L, 0.00086), (27_273L, 0.0035), (27_273L, 0.0125), (140L, 0.1) })
        {
            over += Report($"kstwo n={n} d={d}", TimeSpan.FromMilliseconds(200), () => KolmogorovDistribution.Survival(n, d));
        }

        var rng = new Random(42);
        FeatureDriftInput[] features = Enumerable.Range(0, 50).Select(f =>
        {
            double[] rv = Sorted(rng, 300, 0), cv = Sorted(rng, 300, f % 5 == 0 ? 0.3 : 0);
            double[] rw = Enumerable.Range(0, 300).Select(_ => rng.Next(1, 20_000) * 1.0).ToArray();
            double[] cw = Enumerable.Range(0, 300).Select(_ => rng.Next(1, 2_000) * 1.0).ToArray();
            return FeatureDriftInput.NumericWeighted($"f{f}", rv, rw, cv, cw);
        }).ToArray();
        var smallReference = new DriftPolicy(new FeatureDriftPolicy(maxReferenceSizeForTests: long.MaxValue));
        over += Report("50 features × (KS + Wasserstein)", TimeSpan.FromSeconds(1), () =>
        {
            DriftEvaluator.Evaluate(features, smallReference);
            return DriftEvaluator.Evaluate(features, DriftPolicy.Default);
        });

        return over == 0 ? 0 : 1;
    }

    private static int Report<T>(string what, TimeSpan budget, Func<T> run)
    {
        run(); // JIT warm-up
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            run();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = times[2];
        var ok = median <= budget.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: median {median:F2} ms (budget {budget.TotalMilliseconds:F0} ms){(ok ? "" : " OVER BUDGET")}"));
        return ok ? 0 : 1;
    }

    private static double[] Sorted(Random rng, int n, double shift)
    {
        double[] v = Enumerable.Range(0, n).Select(_ => rng.NextDouble() + shift).ToArray();
        Array.Sort(v);
        return v;
    }
}
