using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Tests.Statistics;

/// <summary>
/// The largest inputs each statistic takes, on the branch each is meant to take, with results that are probabilities.
/// How long they take is measured by <c>ModelMonitor.Benchmarks -- statistics</c>, not here: a wall-clock budget on a
/// shared 2-core machine fails for reasons that are not in the code.
/// </summary>
public sealed class StatisticsLargeInputTests
{
    [Theory]
    [InlineData(10_000, 10_000, 0.0)]
    [InlineData(10_000, 10_000, 1.0)]
    [InlineData(10_000, 9_999, 0.02)]
    [InlineData(10_000, 9_999, 1.0)]
    public void Ks_AtMaximumExactSize_ReturnsTheShiftAsD_AndAProbability(int n, int m, double shift)
    {
        double[] a = Enumerable.Range(0, n).Select(i => (i + 0.5) / n).ToArray();
        double[] b = Enumerable.Range(0, m).Select(i => ((i + 0.25) / m) + (shift * 0.1)).ToArray();

        KolmogorovSmirnovResult r = KolmogorovSmirnov.TwoSampleSorted(a, b);

        Assert.InRange(r.PValue, 0, 1);
        // Shifted by 0.1·shift: D is that shift, up to the quarter-step offset of the grids.
        Assert.InRange(r.Statistic, shift * 0.1, (shift * 0.1) + (1.0 / Math.Min(n, m)));
    }

    [Theory]
    [InlineData(100_000, 0.00058)] // Durbin region, n·x² ≤ 0.04: negligible-CDF shortcut
    [InlineData(55_000, 0.00086)]  // Durbin matrix near its largest order (k = 48)
    [InlineData(27_273, 0.0035)]   // Pelz–Good
    [InlineData(27_273, 0.0125)]   // one-sided Smirnov sum
    [InlineData(140, 0.1)]         // Pomeranz
    public void AsymptoticKs_EachBranch_ReturnsAProbability_ThatFallsWithD(long n, double d)
    {
        double p = KolmogorovDistribution.Survival(n, d);
        double further = KolmogorovDistribution.Survival(n, d * 1.5);

        Assert.InRange(p, 0, 1);
        Assert.True(further <= p, $"sf({d * 1.5}) = {further} > sf({d}) = {p}");
    }

    [Fact]
    public void SketchSizedModel_FiftyFeatures_EvaluatesEveryFeature_AndScoresTheShiftedOnesHighest()
    {
        var rng = new Random(42);
        FeatureDriftInput[] features = Enumerable.Range(0, 50).Select(f =>
        {
            double[] rv = Sorted(rng, 300, 0), cv = Sorted(rng, 300, f % 5 == 0 ? 0.3 : 0);
            double[] rw = Enumerable.Range(0, 300).Select(_ => rng.Next(1, 20_000) * 1.0).ToArray();
            double[] cw = Enumerable.Range(0, 300).Select(_ => rng.Next(1, 2_000) * 1.0).ToArray();
            return FeatureDriftInput.NumericWeighted($"f{f}", rv, rw, cv, cw);
        }).ToArray();

        var result = DriftEvaluator.Evaluate(features, DriftPolicy.Default);

        Assert.Equal(features.Select(f => f.Name), result.Features.Select(f => f.FeatureName));
        double[] shifted = [.. result.Features.Where((_, i) => i % 5 == 0).Select(f => f.Score!.Value)];
        double[] unshifted = [.. result.Features.Where((_, i) => i % 5 != 0).Select(f => f.Score!.Value)];
        Assert.True(shifted.Min() > unshifted.Max(), $"shifted scores from {shifted.Min()}, unshifted up to {unshifted.Max()}");
    }

    private static double[] Sorted(Random rng, int n, double shift)
    {
        double[] v = Enumerable.Range(0, n).Select(_ => rng.NextDouble() + shift).ToArray();
        Array.Sort(v);
        return v;
    }
}
