using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Statistics;

public class SketchWassersteinTests
{
    private static SketchedDistribution Of(NumericSummary s)
    {
        var view = s.Sketch.GetSortedView();
        return new(view.Select(v => v.Value).ToArray(), view.Select(v => (double)v.Weight).ToArray(), s.Mean, s.Min, s.Max);
    }

    private static NumericSummary Summary(IEnumerable<double> values)
    {
        var s = new NumericSummary(FeatureSummary.FeatureSketchK);
        foreach (double v in values)
        {
            s.Add(v);
        }

        return s;
    }

    [Fact]
    public void Estimate_UnitWeights_IsTheExactStepCdfDistance()
    {
        double[] u = [0, 1, 2, 5], v = [0.5, 1, 3, 3, 9];
        var a = new SketchedDistribution(u, new double[] { 1, 1, 1, 1 }, u.Average(), 0, 5);
        var b = new SketchedDistribution(v, new double[] { 1, 1, 1, 1, 1 }, v.Average(), 0.5, 9);

        Assert.Equal(WassersteinDistance.Compute(u, v), SketchWasserstein.Estimate(a, b), 12);
    }

    [Fact]
    public void Estimate_SameCompactedSketch_IsZero()
    {
        var s = Summary(Enumerable.Range(1, 20_000).Select(i => Math.Exp(i % 997 / 100.0)));
        Assert.True(s.Sketch.GetSortedView().Any(v => v.Weight > 1), "the sketch must have compacted for this test");

        Assert.Equal(0.0, SketchWasserstein.Estimate(Of(s), Of(s)), 12);
    }

    [Fact]
    public void Estimate_IsSymmetric()
    {
        var rng = new Random(3);
        var a = Summary(Enumerable.Range(0, 30_000).Select(_ => Math.Exp(2 * rng.NextDouble())));
        var b = Summary(Enumerable.Range(0, 30_000).Select(_ => Math.Exp(0.1 + (2 * rng.NextDouble()))));

        Assert.Equal(SketchWasserstein.Estimate(Of(a), Of(b)), SketchWasserstein.Estimate(Of(b), Of(a)), 12);
    }

    [Fact]
    public void Estimate_PureShiftOfAHeavyTail_IsTheShift()
    {
        // W1 between X and X + c is |c|; with the upper tail taken from the exact means the estimate keeps that.
        var rng = new Random(5);
        double[] x = [.. Enumerable.Range(0, 50_000).Select(_ => Math.Pow(1 - rng.NextDouble(), -1 / 2.5))];
        var a = Summary(x);
        var b = Summary(x.Select(v => v + 0.05));

        var (sa, sb) = (Of(a), Of(b));
        double step = WassersteinDistance.ComputeSorted(sa.SortedValues.Span, sa.Weights.Span, sb.SortedValues.Span, sb.Weights.Span);

        double estimate = SketchWasserstein.Estimate(sa, sb);

        Assert.InRange(estimate, 0.04, 0.06);
        Assert.True(Math.Abs(estimate - 0.05) < Math.Abs(step - 0.05), $"estimate {estimate}, step {step}");
    }

    [Fact]
    public void Estimate_NeverCompactedSketchesWithTies_IsTheExactStepCdfDistance()
    {
        // Ties give weights above 1 although the sketch holds every value; IsExact says so, and the result is exact.
        double[] u = [.. Enumerable.Range(0, 100).Select(i => (double)(i % 7))], v = [.. Enumerable.Range(0, 90).Select(i => (double)(i % 5))];
        var (a, b) = (Summary(u), Summary(v));
        Assert.True(a.Sketch.IsExact && b.Sketch.IsExact);

        var sa = Of(a) with { IsExact = true };
        var sb = Of(b) with { IsExact = true };

        Assert.Equal(WassersteinDistance.Compute(u, v), SketchWasserstein.Estimate(sa, sb), 12);
    }

    [Fact]
    public void Estimate_LightTailedIdenticalData_RemovesTheSketchesRankOffset()
    {
        // Two K=128 sketches of normal samples from one distribution: their step CDFs disagree by a body-wide rank
        // offset each, which the exact means correct; the step-CDF distance is several times further from the truth.
        var rng = new Random(11);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        double[] x = [.. Enumerable.Range(0, 100_000).Select(_ => Normal())];
        double[] y = [.. Enumerable.Range(0, 100_000).Select(_ => Normal())];
        var (sa, sb) = (Of(Summary(x)), Of(Summary(y)));
        double exact = WassersteinDistance.Compute(x, y);
        double step = WassersteinDistance.ComputeSorted(sa.SortedValues.Span, sa.Weights.Span, sb.SortedValues.Span, sb.Weights.Span);

        double estimate = SketchWasserstein.Estimate(sa, sb);

        Assert.InRange(estimate, exact - 0.02, exact + 0.02);
        Assert.True(Math.Abs(step - exact) > 2 * Math.Abs(estimate - exact), $"exact {exact}, step {step}, estimate {estimate}");
    }

    [Fact]
    public void Estimate_EmptySide_IsZero()
    {
        var a = Of(Summary(Enumerable.Range(0, 5_000).Select(i => (double)i)));
        var empty = new SketchedDistribution(Array.Empty<double>(), Array.Empty<double>(), double.NaN, double.NaN, double.NaN);

        Assert.Equal(0.0, SketchWasserstein.Estimate(a, empty));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void Estimate_TailShareOutOfRange_Throws(double tailShare)
    {
        var a = Of(Summary([1, 2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SketchWasserstein.Estimate(a, a, tailShare));
    }
}
