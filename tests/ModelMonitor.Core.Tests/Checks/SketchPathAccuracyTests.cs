using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Statistics;
using Xunit.Abstractions;

namespace ModelMonitor.Core.Tests.Checks;

/// <summary>
/// The sketch path (window summaries, K=128 feature sketches) against the exact path (raw columns) on 100k-row
/// samples. The measured worst errors are printed and quoted in docs/checks.md; the assertions are the documented
/// tolerances.
/// </summary>
public sealed class SketchPathAccuracyTests(ITestOutputHelper output)
{
    private const int Rows = 100_000;
    private const int Seeds = 5;

    // Documented tolerances (docs/checks.md). Light tails: normal, uniform, tied integers; heavy: lognormal (σ = 1).
    private const double KsTolerance = 0.02;
    // SketchWasserstein anchors every shape on the exact means; the drift threshold it feeds is 0.1.
    private const double NormalizedWassersteinTolerance = 0.02;
    private const double PsiTolerance = 0.06;
    private const double PsiRelativeToleranceAboveMajorShift = 0.35;
    private const double JensenShannonTolerance = 0.035;

    [Theory]
    [InlineData("normal, same")]
    [InlineData("normal, +0.1σ")]
    [InlineData("normal, +0.5σ")]
    [InlineData("normal, σ×1.5")]
    [InlineData("uniform, same")]
    [InlineData("uniform, +0.2")]
    [InlineData("lognormal, same")]
    [InlineData("lognormal, μ+0.3")]
    [InlineData("integers, same")]
    [InlineData("integers, shifted")]
    public void SketchPath_AgreesWithExactPath_WithinDocumentedTolerances(string shape)
    {
        double worstKs = 0, worstWn = 0, worstPsi = 0, worstJs = 0;
        for (int seed = 0; seed < Seeds; seed++)
        {
            (double[] reference, double[] current) = Generate(shape, seed);
            FeatureDriftReport exact = Exact(reference, current, DriftPolicy.Default);
            FeatureDriftReport sketch = Sketch(reference, current, DriftPolicy.Default);

            double ks = Math.Abs(sketch.Ks!.Statistic - exact.Ks!.Statistic);
            double wn = Math.Abs(sketch.WassersteinNormalized!.Value - exact.WassersteinNormalized!.Value);
            double psi = Math.Abs(sketch.Psi!.Value - exact.Psi!.Value);
            double js = Math.Abs(sketch.JensenShannon!.Value - exact.JensenShannon!.Value);
            (worstKs, worstWn, worstPsi, worstJs) = (Math.Max(worstKs, ks), Math.Max(worstWn, wn), Math.Max(worstPsi, psi), Math.Max(worstJs, js));
            output.WriteLine(
                $"{shape} #{seed}: D {exact.Ks.Statistic:F4} / {sketch.Ks.Statistic:F4}; Wn {exact.WassersteinNormalized:F4} / " +
                $"{sketch.WassersteinNormalized:F4}; PSI {exact.Psi:F4} / {sketch.Psi:F4}; JS {exact.JensenShannon:F4} / {sketch.JensenShannon:F4}");

            Assert.InRange(ks, 0, KsTolerance);
            Assert.InRange(wn, 0, NormalizedWassersteinTolerance);
            Assert.InRange(psi, 0, exact.Psi < 0.25 ? PsiTolerance : PsiRelativeToleranceAboveMajorShift * exact.Psi.Value);
            Assert.InRange(js, 0, JensenShannonTolerance);
            Assert.Equal(Rows, sketch.ReferenceCount);
            Assert.Equal(Rows, sketch.CurrentCount);
            Assert.Equal(exact.Method, sketch.Method);

            // Clear-cut cases (exact score at least 0.05 from the 0.1 threshold) must be decided the same way.
            if (Math.Abs(exact.Score!.Value - exact.Threshold) >= 0.05)
            {
                Assert.Equal(exact.Status, sketch.Status);
            }
        }

        output.WriteLine($"{shape}: worst |ΔD| {worstKs:F4}, |ΔWn| {worstWn:F4}, |ΔPSI| {worstPsi:F4}, |ΔJS| {worstJs:F4}");
    }

    [Theory]
    [InlineData(0.0, DriftStatus.NoDrift)]
    [InlineData(1.0, DriftStatus.Drifted)]
    public void SmallReference_KsDecisionsAgree_OnClearCutCases(double shift, DriftStatus expected)
    {
        // 800 rows: a p-value test decides, and the K=128 sketches have compacted (they keep ~400 items).
        double[] reference = CheckData.Normal(800, 31);
        double[] current = CheckData.Normal(800, 32, mean: shift);

        FeatureDriftReport exact = Exact(reference, current, DriftPolicy.Default);
        FeatureDriftReport sketch = Sketch(reference, current, DriftPolicy.Default);

        Assert.Equal(DriftMethod.KolmogorovSmirnov, exact.Method);
        Assert.Equal(expected, exact.Status);
        Assert.Equal(expected, sketch.Status);
        Assert.InRange(Math.Abs(sketch.Ks!.Statistic - exact.Ks!.Statistic), 0, KsTolerance);
        output.WriteLine($"shift {shift}: p exact {exact.Score:G4}, sketch {sketch.Score:G4}");
    }

    [Fact]
    public void Categorical_WithinCounterCapacity_SketchEqualsExact()
    {
        string[] names = [.. Enumerable.Range(0, 40).Select(i => $"c{i}")];
        double[] weights = [.. Enumerable.Range(0, 40).Select(i => 1.0 / (i + 1))];
        double[] shifted = [.. Enumerable.Range(0, 40).Select(i => 1.0 / (40 - i))];
        var reference = Column.Categorical("c", CheckData.Categories(20_000, 41, names, weights));
        var current = Column.Categorical("c", CheckData.Categories(20_000, 42, names, shifted));

        FeatureDriftReport exact = DriftReports.FromColumns([reference], [current], DriftPolicy.Default).Features[0];
        FeatureDriftReport sketch = DriftReports.FromSummaries(CheckData.Summary(reference), CheckData.Summary(current), DriftPolicy.Default).Features[0];

        Assert.Equal(exact, sketch);
    }

    private static (double[] Reference, double[] Current) Generate(string shape, int seed)
    {
        int a = 1000 + seed, b = 2000 + seed;
        return shape switch
        {
            "normal, same" => (CheckData.Normal(Rows, a), CheckData.Normal(Rows, b)),
            "normal, +0.1σ" => (CheckData.Normal(Rows, a), CheckData.Normal(Rows, b, mean: 0.1)),
            "normal, +0.5σ" => (CheckData.Normal(Rows, a), CheckData.Normal(Rows, b, mean: 0.5)),
            "normal, σ×1.5" => (CheckData.Normal(Rows, a), CheckData.Normal(Rows, b, sd: 1.5)),
            "uniform, same" => (CheckData.Uniform(Rows, a), CheckData.Uniform(Rows, b)),
            "uniform, +0.2" => (CheckData.Uniform(Rows, a), CheckData.Uniform(Rows, b, 0.2, 1.2)),
            "lognormal, same" => (CheckData.LogNormal(Rows, a), CheckData.LogNormal(Rows, b)),
            "lognormal, μ+0.3" => (CheckData.LogNormal(Rows, a), CheckData.LogNormal(Rows, b, mu: 0.3)),
            "integers, same" => (CheckData.Integers(Rows, a, 5, 3, 1, 1, 0.5), CheckData.Integers(Rows, b, 5, 3, 1, 1, 0.5)),
            "integers, shifted" => (CheckData.Integers(Rows, a, 5, 3, 1, 1, 0.5), CheckData.Integers(Rows, b, 3, 3, 2, 1, 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Unknown shape."),
        };
    }

    internal static FeatureDriftReport Exact(double[] reference, double[] current, DriftPolicy policy) =>
        DriftReports.FromColumns([Column.Numeric("x", reference)], [Column.Numeric("x", current)], policy).Features[0];

    internal static FeatureDriftReport Sketch(double[] reference, double[] current, DriftPolicy policy) =>
        DriftReports.FromSummaries(
            CheckData.Summary(Column.Numeric("x", reference)), CheckData.Summary(Column.Numeric("x", current)), policy).Features[0];
}
