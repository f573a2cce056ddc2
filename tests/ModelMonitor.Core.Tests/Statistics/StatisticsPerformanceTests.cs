using System.Diagnostics;
using System.Reflection;
using ModelMonitor.Core.Statistics;
using Xunit.Abstractions;

namespace ModelMonitor.Core.Tests.Statistics;

/// <summary>
/// Guards against complexity blow-ups; measured times go to the test output. Budgets hold for optimized (Release)
/// builds. A Debug build of ModelMonitor.Core is JIT-compiled without optimization and runs these loops ~10× slower,
/// so there the budget is only a coarse regression guard.
/// </summary>
public sealed class StatisticsPerformanceTests(ITestOutputHelper output)
{
    private static readonly bool CoreIsOptimized =
        typeof(KolmogorovSmirnov).Assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    private static TimeSpan Budget(TimeSpan optimized) => CoreIsOptimized ? optimized : optimized * 10;

    [Theory]
    [InlineData(10_000, 10_000, 0.0)]
    [InlineData(10_000, 10_000, 1.0)]
    [InlineData(10_000, 9_999, 0.02)]
    [InlineData(10_000, 9_999, 1.0)] // D ≈ 0.1: a wide band, the expensive case for n ≠ m (cost grows with D)
    public void ExactKs_AtMaximumExactSize_RunsWellUnderASecond(int n, int m, double shift)
    {
        double[] a = Enumerable.Range(0, n).Select(i => (i + 0.5) / n).ToArray();
        double[] b = Enumerable.Range(0, m).Select(i => ((i + 0.25) / m) + (shift * 0.1)).ToArray();
        KolmogorovSmirnov.TwoSampleSorted(a, b); // JIT warm-up

        var sw = Stopwatch.StartNew();
        KolmogorovSmirnovResult r = KolmogorovSmirnov.TwoSampleSorted(a, b);
        sw.Stop();

        output.WriteLine($"{n}×{m} D={r.Statistic:F4} p={r.PValue:E3} ({r.Method}): {sw.Elapsed.TotalMilliseconds:F1} ms, optimized={CoreIsOptimized}");
        Assert.True(sw.Elapsed < Budget(TimeSpan.FromSeconds(1)), $"took {sw.Elapsed.TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData(100_000, 0.00058)] // Durbin region, n·x² ≤ 0.04: negligible-CDF shortcut
    [InlineData(55_000, 0.00086)]  // Durbin matrix near its largest order (k = 48)
    [InlineData(27_273, 0.0035)]   // Pelz–Good
    [InlineData(27_273, 0.0125)]   // one-sided Smirnov sum
    [InlineData(140, 0.1)]         // Pomeranz
    public void AsymptoticKs_EachBranch_IsFast(long n, double d)
    {
        KolmogorovDistribution.Survival(n, d);
        var sw = Stopwatch.StartNew();
        double p = KolmogorovDistribution.Survival(n, d);
        sw.Stop();
        output.WriteLine($"kstwo n={n} d={d}: p={p:E4} in {sw.Elapsed.TotalMilliseconds:F2} ms");
        Assert.True(sw.Elapsed < Budget(TimeSpan.FromMilliseconds(200)), $"took {sw.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void SketchSizedModel_FiftyFeatures_EvaluatesQuickly()
    {
        // 50 numeric features, ~300 weighted points per side, counts in the millions (asymptotic KS / Wasserstein).
        var rng = new Random(42);
        FeatureDriftInput[] features = Enumerable.Range(0, 50).Select(f =>
        {
            double[] rv = Sorted(rng, 300, 0), cv = Sorted(rng, 300, f % 5 == 0 ? 0.3 : 0);
            double[] rw = Enumerable.Range(0, 300).Select(_ => rng.Next(1, 20_000) * 1.0).ToArray();
            double[] cw = Enumerable.Range(0, 300).Select(_ => rng.Next(1, 2_000) * 1.0).ToArray();
            return FeatureDriftInput.NumericWeighted($"f{f}", rv, rw, cv, cw);
        }).ToArray();
        var smallReference = new DriftPolicy(new FeatureDriftPolicy(maxReferenceSizeForTests: long.MaxValue));
        DriftEvaluator.Evaluate(features, smallReference);

        var sw = Stopwatch.StartNew();
        DriftEvaluator.Evaluate(features, smallReference);
        DriftEvaluator.Evaluate(features, DriftPolicy.Default);
        sw.Stop();

        output.WriteLine($"50 features × (KS + Wasserstein): {sw.Elapsed.TotalMilliseconds:F1} ms");
        Assert.True(sw.Elapsed < Budget(TimeSpan.FromSeconds(1)), $"took {sw.Elapsed.TotalMilliseconds} ms");
    }

    private static double[] Sorted(Random rng, int n, double shift)
    {
        double[] v = Enumerable.Range(0, n).Select(_ => rng.NextDouble() + shift).ToArray();
        Array.Sort(v);
        return v;
    }
}
