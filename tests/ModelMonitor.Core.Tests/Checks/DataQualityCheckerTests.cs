using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Sketches;
using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Checks;

/// <summary>Data-quality findings on small hand-made summaries, with hand-computed evidence.</summary>
public sealed class DataQualityCheckerTests
{
    private static readonly DataQualityPolicy Policy = DataQualityPolicy.Default;

    [Fact]
    public void Nan_AtTheReferencesOwnRate_IsNotNews()
    {
        // The run-local case: the reference day had 42 NaNs in 10,000 (0.42%); this hour has 5 in 1,000 (0.5%).
        WindowSummary reference = CheckData.Summary(Column.Numeric("x", WithNan(10_000, 42)));
        WindowSummary current = CheckData.Summary(Column.Numeric("x", WithNan(1_000, 5)));

        Assert.DoesNotContain(DataQualityChecker.Evaluate(reference, current, Policy), f => f.Subkind == DataQualitySubkind.Nan);
    }

    [Fact]
    public void Nan_WhereTheReferenceHadNone_IsAnError()
    {
        WindowSummary reference = CheckData.Summary(Column.Numeric("x", WithNan(10_000, 0)));
        WindowSummary current = CheckData.Summary(Column.Numeric("x", WithNan(1_000, 10)));

        DataQualityFinding nan = Assert.Single(DataQualityChecker.Evaluate(reference, current, Policy), f => f.Subkind == DataQualitySubkind.Nan);

        Assert.Equal(Severity.Error, nan.Severity);
        Assert.Equal(10, nan.Evidence["count"]);
        Assert.Equal(0.01, nan.Evidence["share"]);
        Assert.Equal(0, nan.Evidence["referenceCount"]);
        Assert.Equal(RateIncreaseTest.FisherGreater(0, 10_000, 10, 1_000), nan.Evidence["pValue"]);
    }

    [Fact]
    public void Nan_SignificantlyAboveTheReferenceRate_IsAWarning_AndALargeRiseIsCritical()
    {
        WindowSummary reference = CheckData.Summary(Column.Numeric("x", WithNan(10_000, 42)));
        WindowSummary moreOfTheSame = CheckData.Summary(Column.Numeric("x", WithNan(1_000, 30)));
        WindowSummary flood = CheckData.Summary(Column.Numeric("x", WithNan(1_000, 200)));

        DataQualityFinding warning = Assert.Single(DataQualityChecker.Evaluate(reference, moreOfTheSame, Policy), f => f.Subkind == DataQualitySubkind.Nan);
        DataQualityFinding critical = Assert.Single(DataQualityChecker.Evaluate(reference, flood, Policy), f => f.Subkind == DataQualitySubkind.Nan);

        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(0.0042, warning.Evidence["referenceShare"]!.Value, 1e-12);
        Assert.Equal(Severity.Critical, critical.Severity);
    }

    [Fact]
    public void Nan_ASingleValueInATinyWindow_IsNotSignificant()
    {
        // 1 NaN in 20 events against 2 in 1,000: Fisher p ≈ 0.06, far above α = 0.001.
        WindowSummary reference = CheckData.Summary(Column.Numeric("x", WithNan(1_000, 2)));
        WindowSummary current = CheckData.Summary(Column.Numeric("x", WithNan(20, 1)));

        Assert.Empty(DataQualityChecker.Evaluate(reference, current, Policy));
    }

    [Fact]
    public void Inf_WhereTheReferenceHadNone_IsReportedWithBothSigns()
    {
        WindowSummary reference = CheckData.Summary(Column.Numeric("x", WithNan(2_000, 0)));
        double[] values = [.. Enumerable.Repeat(double.PositiveInfinity, 6), .. Enumerable.Repeat(double.NegativeInfinity, 4), .. CheckData.Uniform(490, 9)];
        WindowSummary current = CheckData.Summary(Column.Numeric("x", values));

        DataQualityFinding inf = Assert.Single(DataQualityChecker.Evaluate(reference, current, Policy), f => f.Subkind == DataQualitySubkind.Inf);

        Assert.Equal(Severity.Error, inf.Severity);
        Assert.Equal(10, inf.Evidence["count"]);
        Assert.Equal(6, inf.Evidence["positive"]);
        Assert.Equal(4, inf.Evidence["negative"]);
    }

    private static double[] WithNan(int n, int nan) => [.. Enumerable.Repeat(double.NaN, nan), .. CheckData.Uniform(n - nan, n + nan)];

    [Fact]
    public void NanPredictionScores_AreReportedWithoutAFeature()
    {
        WindowSummary current = CheckData.Window();
        current.Add(CheckData.Prediction(FieldValue.FromNumber(double.NaN)));
        current.Add(CheckData.Prediction(FieldValue.FromNumber(0.5)));

        DataQualityFinding finding = Assert.Single(DataQualityChecker.Evaluate(CheckData.Window(), current, Policy));

        Assert.Equal(DataQualitySubkind.Nan, finding.Subkind);
        Assert.Null(finding.Feature);
        Assert.Equal(0.5, finding.Evidence["share"]);
    }

    [Fact]
    public void MissingRateJump_IsReported_WithTheWilsonInterval()
    {
        // Reference 10% missing; current 25% missing over 1,200 rows.
        WindowSummary reference = CheckData.Summary(Column.Numeric("x", Ones(900), missingCount: 100));
        WindowSummary current = CheckData.Summary(Column.Numeric("x", Ones(900), missingCount: 300));

        DataQualityFinding finding = Assert.Single(DataQualityChecker.Evaluate(reference, current, Policy));

        ConfidenceInterval ci = ProportionConfidenceInterval.Wilson(300, 1200);
        Assert.Equal(DataQualitySubkind.Missing, finding.Subkind);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(0.1, finding.Evidence["referenceRate"]);
        Assert.Equal(0.25, finding.Evidence["currentRate"]);
        Assert.Equal(0.15, finding.Evidence["increase"]!.Value, 1e-12);
        Assert.Equal(ci.Lower, finding.Evidence["ciLower"]);
        Assert.Equal(1200, finding.Evidence["n"]);
    }

    [Fact]
    public void MissingRateJump_InASmallWindow_IsNotReportedWhenTheReferenceRateIsInsideTheInterval()
    {
        // The same 25% as above, but 3 of 12: Wilson [0.089, 0.53] still contains the reference's 10%.
        WindowSummary reference = CheckData.Summary(Column.Numeric("x", Ones(900), missingCount: 100));
        WindowSummary current = CheckData.Summary(Column.Numeric("x", Ones(9), missingCount: 3));

        Assert.True(ProportionConfidenceInterval.Wilson(3, 12).Lower < 0.1);
        Assert.Empty(DataQualityChecker.Evaluate(reference, current, Policy));
    }

    [Fact]
    public void OutOfRange_ShareBelowMinAndAboveMax_IsExactWhileTheSketchIsExact()
    {
        // 100 current values (an uncompacted K=128 sketch is exact): 4 below the reference min 0, 6 above its max 1.
        WindowSummary reference = CheckData.Summary(Column.Numeric("x", [.. Enumerable.Range(0, 101).Select(i => i / 100.0)]));
        double[] current = [.. Enumerable.Repeat(-0.5, 4), .. Enumerable.Repeat(0.5, 90), .. Enumerable.Repeat(1.5, 6)];

        DataQualityFinding finding = Assert.Single(DataQualityChecker.Evaluate(reference, CheckData.Summary(Column.Numeric("x", current)), Policy));

        Assert.Equal(DataQualitySubkind.OutOfRange, finding.Subkind);
        Assert.Equal(0.1, finding.Evidence["share"]!.Value, 1e-12);
        Assert.Equal(0.04, finding.Evidence["belowShare"]);
        Assert.Equal(0.06, finding.Evidence["aboveShare"]!.Value, 1e-12);
        Assert.Equal(0.0, finding.Evidence["referenceMin"]);
        Assert.Equal(1.0, finding.Evidence["referenceMax"]);
        Assert.Equal(0.0, finding.Evidence["rankError"]);
    }

    [Fact]
    public void OutOfRange_OnAValueExactlyAtTheReferenceMin_IsInRange()
    {
        WindowSummary reference = CheckData.Summary(Column.Numeric("x", [.. Enumerable.Range(0, 200).Select(i => (double)i)]));
        WindowSummary current = CheckData.Summary(Column.Numeric("x", [.. Enumerable.Repeat(0.0, 100), .. Enumerable.Repeat(199.0, 100)]));

        Assert.Empty(DataQualityChecker.Evaluate(reference, current, Policy));
    }

    [Fact]
    public void OutOfRange_LargeWindow_IsWithinTheSketchRankError()
    {
        WindowSummary reference = CheckData.Summary(Column.Numeric("x", CheckData.Uniform(20_000, 1)));
        double[] current = [.. CheckData.Uniform(18_000, 2), .. CheckData.Uniform(2_000, 3, 1.0, 2.0)];

        DataQualityFinding finding = Assert.Single(DataQualityChecker.Evaluate(reference, CheckData.Summary(Column.Numeric("x", current)), Policy));

        double rankError = finding.Evidence["rankError"]!.Value;
        Assert.True(rankError > 0);
        Assert.InRange(finding.Evidence["share"]!.Value, 0.1 - rankError, 0.1 + rankError);
    }

    [Fact]
    public void UnseenCategories_AgainstAnExactReference()
    {
        WindowSummary reference = CheckData.Summary(Column.Categorical("c", [.. Repeat("a", 60), .. Repeat("b", 40), .. Repeat("c", 20)]));
        WindowSummary current = CheckData.Summary(Column.Categorical("c", [.. Repeat("a", 50), .. Repeat("b", 40), .. Repeat("d", 8), .. Repeat("e", 2)]));

        DataQualityFinding finding = Assert.Single(DataQualityChecker.Evaluate(reference, current, Policy));

        Assert.Equal(DataQualitySubkind.UnseenCategory, finding.Subkind);
        Assert.Equal(0.1, finding.Evidence["share"]);
        Assert.Equal(2, finding.Evidence["categories"]);
        Assert.Equal(1, finding.Evidence["referenceExact"]);
        Assert.Contains("'d', 'e'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnseenCategories_BelowTheShareThreshold_AreNotReported()
    {
        WindowSummary reference = CheckData.Summary(Column.Categorical("c", [.. Repeat("a", 200)]));
        WindowSummary current = CheckData.Summary(Column.Categorical("c", [.. Repeat("a", 196), .. Repeat("new", 4)]));

        Assert.Empty(DataQualityChecker.Evaluate(reference, current, Policy));
    }

    [Fact]
    public void UnseenCategories_AgainstAnApproximateReference_NeedALargeMargin()
    {
        // 2,000 rare categories overflow the reference counter (MaxError > 0): a rare untracked category may simply have
        // been dropped, so it is not "unseen"; a category at 10% of the current window could not have hidden there.
        string?[] rare = [.. Enumerable.Range(0, 2000).Select(i => (string?)$"r{i}")];
        WindowSummary reference = CheckData.Summary(Column.Categorical("c", [.. Repeat("a", 20_000), .. rare]));
        string?[] current = [.. Repeat("a", 800), .. Repeat("brand-new", 100), .. rare[..100]];

        FrequentItems referenceCounter = reference.Features["c"].Categories!;
        DataQualityFinding finding = Assert.Single(DataQualityChecker.Evaluate(reference, CheckData.Summary(Column.Categorical("c", current)), Policy));

        Assert.False(referenceCounter.IsExact);
        Assert.Contains(rare[..100], r => referenceCounter.GetCount(r!) == 0); // dropped from the counter though they occurred
        Assert.Equal(1, finding.Evidence["categories"]);
        Assert.Equal(0.1, finding.Evidence["share"]);
        Assert.Equal(0, finding.Evidence["referenceExact"]);
    }

    [Fact]
    public void FeatureThatDisappears_IsASchemaError_AndOneThatAppears_ASchemaWarning()
    {
        WindowSummary reference = CheckData.Summary(Column.Numeric("kept", Ones(500)), Column.Numeric("upstream", Ones(500)));
        WindowSummary current = CheckData.Summary(Column.Numeric("kept", Ones(500)), Column.Numeric("upstream", [], missingCount: 500), Column.Numeric("added", Ones(500)));

        IReadOnlyList<DataQualityFinding> findings = DataQualityChecker.Evaluate(reference, current, Policy);

        Assert.Equal(2, findings.Count);
        DataQualityFinding added = findings[0], gone = findings[1];
        Assert.Equal((DataQualitySubkind.Schema, "added", Severity.Warning), (added.Subkind, added.Feature, added.Severity));
        Assert.Equal((DataQualitySubkind.Schema, "upstream", Severity.Error), (gone.Subkind, gone.Feature, gone.Severity));
        Assert.Equal(1.0, gone.Evidence["referencePresentRate"]);
        Assert.Equal(0.0, gone.Evidence["chanceOfNone"]);
    }

    [Fact]
    public void RareOptionalFeature_AbsentFromASmallWindow_IsNotASchemaChange()
    {
        // Present in 2 of 1,000 reference events: P(none of 100 current events has it) = 0.998^100 ≈ 0.82.
        WindowSummary reference = CheckData.Summary(Column.Numeric("rare", Ones(2), missingCount: 998));
        WindowSummary current = CheckData.Summary(Column.Numeric("rare", [], missingCount: 100));

        Assert.Empty(DataQualityChecker.Evaluate(reference, current, Policy));
    }

    [Fact]
    public void TypeChange_IsAnError_AndBecomingMixed_AWarning()
    {
        WindowSummary reference = Window(("changed", 200, FieldValue.FromNumber(1)), ("mixed", 200, FieldValue.FromNumber(1)));
        WindowSummary current = Window(
            ("changed", 200, FieldValue.FromString("1")),
            ("mixed", 180, FieldValue.FromNumber(1)),
            ("mixed", 20, FieldValue.FromString("n/a")));

        IReadOnlyList<DataQualityFinding> findings = DataQualityChecker.Evaluate(reference, current, Policy);

        DataQualityFinding changed = Assert.Single(findings, f => f.Feature == "changed");
        Assert.Equal((DataQualitySubkind.Type, Severity.Error), (changed.Subkind, changed.Severity));
        Assert.Equal("Feature 'changed' changed type from number to string.", changed.Message);
        Assert.Equal(1.0, changed.Evidence["currentStringShare"]);
        DataQualityFinding mixed = Assert.Single(findings, f => f.Feature == "mixed" && f.Subkind == DataQualitySubkind.Type);
        Assert.Equal(Severity.Warning, mixed.Severity);
        Assert.Equal(0.1, mixed.Evidence["currentStringShare"]);
    }

    [Fact]
    public void ConstantFeatures_GiveNoFindingAndNoNaN()
    {
        WindowSummary reference = CheckData.Summary(Column.Numeric("x", [.. Enumerable.Repeat(5.0, 500)]));

        Assert.Empty(DataQualityChecker.Evaluate(reference, CheckData.Summary(Column.Numeric("x", [.. Enumerable.Repeat(5.0, 500)])), Policy));
        DataQualityFinding moved = Assert.Single(DataQualityChecker.Evaluate(reference, CheckData.Summary(Column.Numeric("x", [.. Enumerable.Repeat(7.0, 500)])), Policy));
        Assert.Equal(DataQualitySubkind.OutOfRange, moved.Subkind);
        Assert.Equal(1.0, moved.Evidence["share"]);
        Assert.All(moved.Evidence.Values, v => Assert.True(v is null || double.IsFinite(v.Value)));
    }

    [Fact]
    public void EmptyWindows_GiveNoFindings()
    {
        WindowSummary data = CheckData.Summary(Column.Numeric("x", Ones(500)));

        Assert.Empty(DataQualityChecker.Evaluate(data, CheckData.Window(), Policy));
        Assert.Empty(DataQualityChecker.Evaluate(CheckData.Window(), data, Policy));
    }

    [Fact]
    public void Policy_RejectsOutOfRangeThresholds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataQualityPolicy(missingRateIncrease: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataQualityPolicy(outOfRangeShare: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataQualityPolicy(unseenCategoryMargin: 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataQualityPolicy(confidence: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataQualityPolicy(minSampleSize: 0));
    }

    private static WindowSummary Window(params (string Name, int Count, FieldValue Value)[] features)
    {
        WindowSummary window = CheckData.Window();
        foreach ((string name, int count, FieldValue value) in features)
        {
            CheckData.Add(window, count, () => CheckData.Prediction(FieldValue.FromNumber(0.5), [new Feature(name, value)]));
        }

        return window;
    }

    private static double[] Ones(int n) => [.. Enumerable.Repeat(1.0, n)];

    private static IEnumerable<string?> Repeat(string value, int count) => Enumerable.Repeat<string?>(value, count);
}
