using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Checks;

/// <summary>Degenerate inputs on both paths: never a crash, never NaN, never a drift decision without data.</summary>
public sealed class DriftReportsEdgeCaseTests
{
    public static TheoryData<string> Paths => new() { "exact", "sketch" };

    [Theory]
    [MemberData(nameof(Paths))]
    public void EmptyWindows_AreInsufficientData(string path)
    {
        Column[] empty = [Column.Numeric("x", []), Column.Categorical("c", []), Column.Binary("b", [])];

        DriftReport report = Report(path, empty, empty);

        Assert.All(report.Features, f =>
        {
            Assert.Equal(DriftStatus.InsufficientData, f.Status);
            Assert.False(f.Drifted);
            Assert.Null(f.Score);
            Assert.Null(f.Psi);
        });
        Assert.Equal(0.0, report.DriftedShare);
        Assert.False(report.DatasetDrifted);
        AssertFiniteJson(report);
    }

    [Fact]
    public void EmptySummaries_GiveAnEmptyReport()
    {
        DriftReport report = DriftReports.FromSummaries(CheckData.Window(), CheckData.Window(), DriftPolicy.Default);

        Assert.Empty(report.Features);
        Assert.False(report.DatasetDrifted);
        Assert.Equal("{\"features\":[],\"driftedShare\":0,\"datasetDrifted\":false}", DriftReportJson.Serialize(report));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void ConstantColumns_GiveFiniteNeutralOrLargeScores(string path)
    {
        Column[] reference =
        [
            Column.Numeric("same-small", Constant(300, 5)),
            Column.Numeric("same-large", Constant(5000, 5)),
            Column.Numeric("moved-large", Constant(5000, 5)),
            Column.Categorical("one-category", [.. Enumerable.Repeat<string?>("a", 3000)]),
            Column.Binary("all-true", [.. Enumerable.Repeat<bool?>(true, 3000)]),
        ];
        Column[] current =
        [
            Column.Numeric("same-small", Constant(300, 5)),
            Column.Numeric("same-large", Constant(2000, 5)),
            Column.Numeric("moved-large", Constant(2000, 6)),
            Column.Categorical("one-category", [.. Enumerable.Repeat<string?>("a", 2000)]),
            Column.Binary("all-true", [.. Enumerable.Repeat<bool?>(true, 2000)]),
        ];

        DriftReport report = Report(path, reference, current);

        FeatureDriftReport sameSmall = report.Features.Single(f => f.Name == "same-small");
        Assert.Equal(1.0, sameSmall.Score);
        Assert.Equal(0.0, sameSmall.Ks!.Statistic);
        Assert.Equal(0.0, sameSmall.WassersteinNormalized);
        Assert.Equal(0.0, report.Features.Single(f => f.Name == "same-large").Score);
        FeatureDriftReport moved = report.Features.Single(f => f.Name == "moved-large");
        Assert.Equal(1.0 / WassersteinDistance.DefaultStdFloor, moved.Score!.Value, 1e-9); // W = 1, σ floored at 0.001
        Assert.Equal(DriftStatus.Drifted, moved.Status);
        Assert.Equal(DriftStatus.NoDrift, report.Features.Single(f => f.Name == "one-category").Status);
        Assert.Equal(DriftStatus.NoDrift, report.Features.Single(f => f.Name == "all-true").Status);
        AssertFiniteJson(report);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void TinySamples_AreInsufficientData_ButMetricsAreStillShown(string path)
    {
        DriftReport report = Report(path, [Column.Numeric("x", CheckData.Normal(50, 1))], [Column.Numeric("x", CheckData.Normal(40, 2, mean: 3))]);

        FeatureDriftReport f = Assert.Single(report.Features);
        Assert.Equal(DriftStatus.InsufficientData, f.Status);
        Assert.Null(f.Score);
        Assert.False(f.Drifted);
        Assert.Equal(DriftMethod.KolmogorovSmirnov, f.Method);
        Assert.NotNull(f.Ks);
        Assert.Equal(50, f.ReferenceCount);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void AllMissingColumns_AreInsufficientDataWithANote(string path)
    {
        Column[] reference = [Column.Numeric("x", [], missingCount: 500), Column.Categorical("c", new string?[500])];
        Column[] current = [Column.Numeric("x", CheckData.Normal(500, 1)), Column.Categorical("c", new string?[400])];

        DriftReport report = Report(path, reference, current);

        FeatureDriftReport x = report.Features.Single(f => f.Name == "x"), c = report.Features.Single(f => f.Name == "c");
        Assert.Equal(DriftStatus.InsufficientData, x.Status);
        Assert.Equal("No values in the reference window.", x.Note);
        Assert.Equal(DriftStatus.InsufficientData, c.Status);
        Assert.Equal("No values in either window.", c.Note);
        AssertFiniteJson(report);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void OnlyNonFiniteValues_AreInsufficientData(string path)
    {
        DriftReport report = Report(
            path,
            [Column.Numeric("x", [.. Enumerable.Repeat(double.NaN, 300)])],
            [Column.Numeric("x", [.. Enumerable.Repeat(double.PositiveInfinity, 300)])]);

        FeatureDriftReport f = Assert.Single(report.Features);
        Assert.Equal(DriftStatus.InsufficientData, f.Status);
        Assert.Equal(0, f.ReferenceCount);
        Assert.Equal(0, f.CurrentCount);
        AssertFiniteJson(report);
    }

    [Fact]
    public void SketchPath_ManyCategories_PoolsTheUntrackedRemainderAsOther()
    {
        // 1,000 categories overflow the 256-slot counter: categories not tracked on both sides and the untracked
        // remainder are pooled into one "__other__" category. Same distribution on both sides.
        string[] names = [.. Enumerable.Range(0, 1000).Select(i => $"k{i}")];
        double[] weights = [.. Enumerable.Range(0, 1000).Select(i => 1.0 / (i + 1))];
        var reference = Column.Categorical("c", CheckData.Categories(20_000, 1, names, weights));
        var current = Column.Categorical("c", CheckData.Categories(20_000, 2, names, weights));
        WindowSummary r = CheckData.Summary(reference), c = CheckData.Summary(current);

        FeatureDriftReport sketch = Assert.Single(DriftReports.FromSummaries(r, c, DriftPolicy.Default).Features);
        FeatureDriftReport exact = Assert.Single(DriftReports.FromColumns([reference], [current], DriftPolicy.Default).Features);

        Assert.False(r.Features["c"].Categories!.IsExact);
        Assert.Equal(20_000, sketch.ReferenceCount);
        Assert.Equal(DriftStatus.NoDrift, sketch.Status);
        Assert.InRange(sketch.JensenShannon!.Value, 0, 0.06);

        // The exact distance over 1,000 sparse cells (≈20 values each, many far fewer) carries sampling noise that the
        // pooled sketch comparison does not: the documented small-count caveat, not a sketch error.
        Assert.True(exact.JensenShannon > sketch.JensenShannon);
    }

    private static DriftReport Report(string path, Column[] reference, Column[] current) => path == "exact"
        ? DriftReports.FromColumns(reference, current, DriftPolicy.Default)
        : DriftReports.FromSummaries(SummaryBuilder.FromColumns(reference), SummaryBuilder.FromColumns(current), DriftPolicy.Default);

    private static double[] Constant(int n, double value) => [.. Enumerable.Repeat(value, n)];

    private static void AssertFiniteJson(DriftReport report) =>
        Assert.All(CheckData.Numbers(DriftReportJson.Serialize(report)), n => Assert.True(double.IsFinite(n)));
}
