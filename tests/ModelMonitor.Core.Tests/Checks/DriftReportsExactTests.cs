using System.Text.Json;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Tests.Checks;

/// <summary>The exact path composes the golden-tested statistics: every reported number equals a direct call.</summary>
public sealed class DriftReportsExactTests
{
    [Fact]
    public void Numeric_EveryMetricEqualsTheDirectStatisticsCall_NonFiniteExcluded()
    {
        double[] reference = [.. CheckData.Normal(500, 1), double.NaN, double.PositiveInfinity];
        double[] current = [.. CheckData.Normal(400, 2, mean: 0.3), double.NegativeInfinity];
        double[] r = [.. reference.Where(double.IsFinite).Order()];
        double[] c = [.. current.Where(double.IsFinite).Order()];

        FeatureDriftReport f = Single(Column.Numeric("x", reference, missingCount: 7), Column.Numeric("x", current));

        KolmogorovSmirnovResult ks = KolmogorovSmirnov.TwoSample(r, c);
        double[] edges = QuantileBinning.ComputeEdges(r);
        var rp = new double[edges.Length + 1];
        var cp = new double[edges.Length + 1];
        QuantileBinning.ComputeProportions(edges, r, rp);
        QuantileBinning.ComputeProportions(edges, c, cp);
        double w = WassersteinDistance.Compute(r, c);
        Assert.Equal(FeatureKind.Numeric, f.Kind);
        Assert.Equal(500, f.ReferenceCount);
        Assert.Equal(400, f.CurrentCount);
        Assert.Equal(new TestStatistic(ks.Statistic, ks.PValue), f.Ks);
        Assert.Equal(10, edges.Length + 1);
        Assert.Equal(PopulationStabilityIndex.Compute(rp, cp), f.Psi);
        Assert.Equal(JensenShannon.Distance(rp, cp), f.JensenShannon);
        Assert.Equal(w, f.Wasserstein);
        Assert.Equal(WassersteinDistance.Normalize(w, WassersteinDistance.StandardDeviation(r)), f.WassersteinNormalized);
        Assert.Null(f.ChiSquare);
        Assert.Null(f.ZTest);
        Assert.Equal(DriftMethod.KolmogorovSmirnov, f.Method);
        Assert.Equal(0.05, f.Threshold);
        Assert.Equal(ks.PValue, f.Score); // a family of one: BH leaves the p-value unchanged
        Assert.True(f.Drifted);
        Assert.Equal(DriftStatus.Drifted, f.Status);
        Assert.Null(f.Note);
    }

    [Fact]
    public void Categorical_MetricsAreOverTheUnionOfCategories()
    {
        string?[] reference = [.. Repeat("a", 50), .. Repeat("b", 30), .. Repeat("c", 20), null, null];
        string?[] current = [.. Repeat("b", 40), .. Repeat("c", 40), .. Repeat("d", 40)];

        FeatureDriftReport f = Single(Column.Categorical("c", reference), Column.Categorical("c", current));

        double[] r = [50, 30, 20, 0]; // a, b, c, d
        double[] c = [0, 40, 40, 40];
        ChiSquareResult chi = ChiSquareTest.Homogeneity(r, c);
        Assert.Equal(FeatureKind.Categorical, f.Kind);
        Assert.Equal(100, f.ReferenceCount);
        Assert.Equal(120, f.CurrentCount);
        Assert.Equal(new ChiSquareStatistic(chi.Statistic, chi.PValue, 3), f.ChiSquare);
        Assert.Equal(PopulationStabilityIndex.Compute(r, c), f.Psi);
        Assert.Equal(JensenShannon.Distance(r, c), f.JensenShannon);
        Assert.Null(f.Ks);
        Assert.Null(f.Wasserstein);
        Assert.Null(f.WassersteinNormalized);
        Assert.Equal(DriftMethod.ChiSquare, f.Method);
        Assert.Equal(chi.PValue, f.Score);
    }

    [Fact]
    public void Binary_IsAZTestOnTheTrueShare_PlusCategoricalMetrics()
    {
        bool?[] reference = [.. Enumerable.Repeat<bool?>(true, 30), .. Enumerable.Repeat<bool?>(false, 170), null];
        bool?[] current = [.. Enumerable.Repeat<bool?>(true, 60), .. Enumerable.Repeat<bool?>(false, 140)];

        FeatureDriftReport f = Single(Column.Binary("vip", reference), Column.Binary("vip", current));

        ZTestResult z = TwoProportionZTest.Compute(30, 200, 60, 200);
        ChiSquareResult chi = ChiSquareTest.Homogeneity([170, 30], [140, 60]);
        Assert.Equal(FeatureKind.Binary, f.Kind);
        Assert.Equal(new TestStatistic(z.Z, z.PValue), f.ZTest);
        Assert.Equal(new ChiSquareStatistic(chi.Statistic, chi.PValue, 1), f.ChiSquare);
        Assert.Equal(PopulationStabilityIndex.Compute([170, 30], [140, 60]), f.Psi);
        Assert.Equal(DriftMethod.ZTest, f.Method);
        Assert.Equal(z.PValue, f.Score);
        Assert.True(f.Drifted);
    }

    [Fact]
    public void SeveralTestedFeatures_ScoresAreTheAdjustedPValues()
    {
        Column[] reference = [Column.Numeric("a", CheckData.Normal(300, 1)), Column.Numeric("b", CheckData.Normal(300, 2)), Column.Numeric("c", CheckData.Normal(300, 3))];
        Column[] current = [Column.Numeric("a", CheckData.Normal(300, 4, 0.25)), Column.Numeric("b", CheckData.Normal(300, 5)), Column.Numeric("c", CheckData.Normal(300, 6, 0.1))];

        DriftReport report = DriftReports.FromColumns(reference, current, DriftPolicy.Default);

        double[] raw = [.. report.Features.Select(f => f.Ks!.PValue!.Value)];
        double[] adjusted = MultipleTesting.Adjust(raw, MultipleTestingCorrection.BenjaminiHochberg);
        Assert.Equal(adjusted, report.Features.Select(f => f.Score!.Value));
        Assert.Equal(["a", "b", "c"], report.Features.Select(f => f.Name));
        Assert.Equal((double)report.Features.Count(f => f.Drifted) / 3, report.DriftedShare);
    }

    [Fact]
    public void LargeReference_IsDecidedByDistances_AndTheScoreIsTheReportedDistance()
    {
        string[] names = ["x", "y", "z"];
        Column[] reference = [Column.Numeric("n", CheckData.Normal(5000, 1)), Column.Categorical("c", CheckData.Categories(5000, 2, names, [5, 3, 2]))];
        Column[] current = [Column.Numeric("n", CheckData.Normal(3000, 3, mean: 0.5)), Column.Categorical("c", CheckData.Categories(3000, 4, names, [5, 3, 2]))];

        DriftReport report = DriftReports.FromColumns(reference, current, DriftPolicy.Default);

        FeatureDriftReport n = report.Features[0], c = report.Features[1];
        Assert.Equal(DriftMethod.Wasserstein, n.Method);
        Assert.Equal(n.WassersteinNormalized, n.Score);
        Assert.Equal(DriftStatus.Drifted, n.Status);
        Assert.NotNull(n.Ks); // still computed, not deciding
        Assert.Equal(DriftMethod.JensenShannon, c.Method);
        Assert.Equal(c.JensenShannon, c.Score);
        Assert.Equal(DriftStatus.NoDrift, c.Status);
        Assert.NotNull(c.ChiSquare);
        Assert.Equal(0.5, report.DriftedShare);
        Assert.True(report.DatasetDrifted);
    }

    [Fact]
    public void ColumnsOnOneSideOnly_AreInsufficientDataWithANote()
    {
        Column[] reference = [Column.Numeric("kept", CheckData.Normal(500, 1)), Column.Numeric("gone", CheckData.Normal(500, 2))];
        Column[] current = [Column.Numeric("kept", CheckData.Normal(500, 3)), Column.Categorical("new", [.. Repeat("a", 500)])];

        DriftReport report = DriftReports.FromColumns(reference, current, DriftPolicy.Default);

        Assert.Equal(["kept", "gone", "new"], report.Features.Select(f => f.Name));
        FeatureDriftReport gone = report.Features[1], added = report.Features[2];
        Assert.Equal(DriftStatus.InsufficientData, gone.Status);
        Assert.Equal("Column missing from the current data.", gone.Note);
        Assert.Null(gone.Score);
        Assert.Null(gone.Ks);
        Assert.Equal(DriftStatus.InsufficientData, added.Status);
        Assert.Equal(FeatureKind.Categorical, added.Kind);
        Assert.Equal("Column missing from the reference.", added.Note);
        Assert.Equal(0, added.ReferenceCount);
        Assert.Equal(500, added.CurrentCount);
    }

    [Fact]
    public void NumericTurnedCategorical_IsNotComparedAndSaysSo()
    {
        FeatureDriftReport f = Single(Column.Numeric("x", CheckData.Normal(500, 1)), Column.Categorical("x", [.. Repeat("n/a", 500)]));

        Assert.Equal(FeatureKind.Numeric, f.Kind);
        Assert.Equal(DriftStatus.InsufficientData, f.Status);
        Assert.Equal(0, f.CurrentCount);
        Assert.Equal("Type changed: reference numeric, current categorical; not compared.", f.Note);
    }

    [Fact]
    public void BinaryAgainstCategorical_IsComparedAsCategorical()
    {
        FeatureDriftReport f = Single(
            Column.Binary("x", [.. Enumerable.Repeat<bool?>(true, 150), .. Enumerable.Repeat<bool?>(false, 150)]),
            Column.Categorical("x", [.. Repeat("true", 100), .. Repeat("false", 100), .. Repeat("maybe", 100)]));

        Assert.Equal(FeatureKind.Categorical, f.Kind);
        Assert.Equal(2, f.ChiSquare!.Dof);
        Assert.Equal(DriftStatus.Drifted, f.Status);
    }

    [Fact]
    public void Json_HasTheSpecifiedShape_WithNullsWrittenAndKebabCaseEnums()
    {
        DriftReport report = DriftReports.FromColumns(
            [Column.Numeric("x", CheckData.Normal(1000, 1)), Column.Categorical("c", [.. Repeat("a", 300), .. Repeat("b", 300)])],
            [Column.Numeric("x", CheckData.Normal(800, 2, mean: 0.4)), Column.Categorical("c", [.. Repeat("a", 200), .. Repeat("b", 400)])],
            DriftPolicy.Default);

        string json = DriftReportJson.Serialize(report);

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        Assert.Equal(["features", "driftedShare", "datasetDrifted"], root.EnumerateObject().Select(p => p.Name));
        JsonElement x = root.GetProperty("features")[0];
        Assert.Equal(
            ["name", "kind", "referenceCount", "currentCount", "ks", "chiSquare", "zTest", "psi", "jensenShannon", "wasserstein",
             "wassersteinNormalized", "method", "threshold", "score", "drifted", "status", "note"],
            x.EnumerateObject().Select(p => p.Name));
        Assert.Equal("numeric", x.GetProperty("kind").GetString());
        Assert.Equal(1000, x.GetProperty("referenceCount").GetInt64());
        Assert.Equal(["statistic", "pValue"], x.GetProperty("ks").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, x.GetProperty("chiSquare").ValueKind);
        Assert.Equal("ks", x.GetProperty("method").GetString());
        Assert.Equal("drifted", x.GetProperty("status").GetString());
        Assert.True(x.GetProperty("drifted").GetBoolean());
        JsonElement c = root.GetProperty("features")[1];
        Assert.Equal("categorical", c.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("ks").ValueKind);
        Assert.Equal(JsonValueKind.Null, c.GetProperty("wasserstein").ValueKind);
        Assert.Equal(JsonValueKind.Null, c.GetProperty("wassersteinNormalized").ValueKind);
        Assert.Equal(["statistic", "pValue", "dof"], c.GetProperty("chiSquare").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, c.GetProperty("chiSquare").GetProperty("dof").GetInt32());
        Assert.Equal("chi-square", c.GetProperty("method").GetString());
    }

    [Fact]
    public void InsufficientData_IsWrittenAsKebabCaseWithNullScore()
    {
        DriftReport report = DriftReports.FromColumns([Column.Numeric("x", [1, 2, 3])], [Column.Numeric("x", [4, 5])], DriftPolicy.Default);

        using JsonDocument document = JsonDocument.Parse(DriftReportJson.Serialize(report));

        JsonElement x = document.RootElement.GetProperty("features")[0];
        Assert.Equal("insufficient-data", x.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, x.GetProperty("score").ValueKind);
        Assert.False(x.GetProperty("drifted").GetBoolean());
        Assert.False(document.RootElement.GetProperty("datasetDrifted").GetBoolean());
    }

    [Fact]
    public void DuplicateColumnNames_Throw()
    {
        Column a = Column.Numeric("x", [1]);

        Assert.Throws<ArgumentException>(() => DriftReports.FromColumns([a, a], [a], DriftPolicy.Default));
    }

    private static FeatureDriftReport Single(Column reference, Column current) =>
        Assert.Single(DriftReports.FromColumns([reference], [current], DriftPolicy.Default).Features);

    private static IEnumerable<string?> Repeat(string value, int count) => Enumerable.Repeat<string?>(value, count);
}
