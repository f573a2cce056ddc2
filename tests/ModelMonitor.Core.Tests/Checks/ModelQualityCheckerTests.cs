using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Checks;

/// <summary>Model-quality measures and findings on hand-made outcome windows, against hand-computed values.</summary>
public sealed class ModelQualityCheckerTests
{
    private static readonly ModelQualityPolicy Policy = ModelQualityPolicy.Default;

    [Fact]
    public void Measure_Multiclass_PerClassAndMacroMetrics()
    {
        WindowSummary window = Classified(("cat", "cat", 40), ("cat", "dog", 10), ("dog", "dog", 30), ("dog", "cat", 5), ("bird", "bird", 10), ("bird", "cat", 5));

        ClassificationQuality q = ModelQualityChecker.Measure(window).Classification!;

        // cat: support 50, predicted 50, TP 40; dog: 35, 40, 30; bird: 15, 10, 10.
        Assert.Equal(100, q.Count);
        Assert.Equal(0.8, q.Accuracy);
        Assert.Equal(["bird", "cat", "dog"], q.Classes.Select(c => c.Class));
        Assert.Equal(new ClassQuality("bird", 15, 10, 10, 1.0, 10.0 / 15, 0.8), q.Classes[0]);
        Assert.Equal(new ClassQuality("cat", 50, 50, 40, 0.8, 0.8, 0.8), q.Classes[1]);
        Assert.Equal(new ClassQuality("dog", 35, 40, 30, 0.75, 30.0 / 35, 0.8), q.Classes[2]);
        Assert.Equal((1.0 + 0.8 + 0.75) / 3, q.MacroPrecision, 1e-12);
        Assert.Equal(((10.0 / 15) + 0.8 + (30.0 / 35)) / 3, q.MacroRecall, 1e-12);
        Assert.Equal(0.8, q.MacroF1, 1e-12);
    }

    [Fact]
    public void Measure_ClassOnlyPredicted_HasNoRecall_AndCountsZeroInTheMacroAverages()
    {
        WindowSummary window = Classified(("a", "a", 8), ("a", "c", 2), ("b", "b", 5));

        ClassificationQuality q = ModelQualityChecker.Measure(window).Classification!;

        Assert.Equal(new ClassQuality("c", 0, 2, 0, 0.0, null, 0.0), q.Classes[2]);
        Assert.Equal(2.0 / 3, q.MacroPrecision, 1e-12); // (1 + 1 + 0) / 3, as scikit-learn with zero_division=0
        Assert.Equal(0.6, q.MacroRecall, 1e-12); // (0.8 + 1 + 0) / 3
        Assert.Equal(((16.0 / 18) + 1) / 3, q.MacroF1, 1e-12);
    }

    [Fact]
    public void Measure_BinaryScores_CalibrationBiasAndEce()
    {
        // 100 scored 0.9 with 60 positives, 100 scored 0.1 with 10 positives.
        WindowSummary window = Scored((0.9, 60, 40), (0.1, 10, 90));

        ModelQualityMetrics m = ModelQualityChecker.Measure(window);

        CalibrationQuality c = m.Calibration!;
        Assert.Equal(200, c.Count);
        Assert.Equal(70, c.Positives);
        Assert.Equal(0.5, c.MeanPredicted, 1e-12);
        Assert.Equal(0.35, c.PositiveRate, 1e-12);
        Assert.Equal(0.15, c.Bias, 1e-12);
        Assert.Equal((Math.Abs(90 - 60) + Math.Abs(10 - 10)) / 200.0, c.Ece, 1e-12);
        Assert.Equal(0.75, m.Classification!.Accuracy); // thresholded at 0.5: 60 + 90 correct
        Assert.Null(m.Regression); // binary labels: MAE of probabilities is not reported
    }

    [Fact]
    public void Measure_RegressionAndClickThrough()
    {
        WindowSummary window = CheckData.Window();
        CheckData.Add(window, 50, () => CheckData.Outcome(FieldValue.FromNumber(10), FieldValue.FromNumber(12)));
        CheckData.Add(window, 50, () => CheckData.Outcome(FieldValue.FromNumber(10), FieldValue.FromNumber(9), clicked: ["i1"]));
        CheckData.Add(window, 200, () => CheckData.Prediction(FieldValue.FromNumber(1), items: ["i1", "i2"]));

        ModelQualityMetrics m = ModelQualityChecker.Measure(window);

        Assert.Equal(new RegressionQuality(100, 1.5, Math.Sqrt(2.5), 0.5), m.Regression);
        Assert.Null(m.Classification);
        Assert.Null(m.Calibration);
        Assert.Equal(new ClickThroughQuality(50, 400, 0.125), m.ClickThrough);
        Assert.Equal(100, m.LabelledCount);
    }

    [Fact]
    public void AccuracyDrop_OutsideTheWilsonInterval_IsReported()
    {
        WindowSummary reference = Classified(("a", "a", 900), ("a", "b", 100));
        WindowSummary current = Classified(("a", "a", 400), ("a", "b", 100));

        ModelQualityFinding f = Assert.Single(ModelQualityChecker.Evaluate(reference, current, Policy).Findings, x => x.Metric == ModelQualityMetric.Accuracy);

        ConfidenceInterval ci = ProportionConfidenceInterval.Wilson(400, 500);
        Assert.Null(f.Class);
        Assert.Equal(0.9, f.Evidence["reference"]);
        Assert.Equal(0.8, f.Evidence["current"]);
        Assert.Equal(0.1, f.Evidence["change"]!.Value, 1e-12);
        Assert.Equal(ci.Upper, f.Evidence["ciUpper"]);
        Assert.Equal(500, f.Evidence["n"]);
        Assert.Equal(Severity.Error, f.Severity); // a drop of twice the 0.05 threshold
    }

    [Fact]
    public void AccuracyDrop_InASmallWindow_IsNotReported()
    {
        // 50 of 60 = 0.833, a drop of 0.067 from 0.9, but Wilson [0.72, 0.91] still contains 0.9.
        WindowSummary reference = Classified(("a", "a", 900), ("a", "b", 100));
        WindowSummary current = Classified(("a", "a", 50), ("a", "b", 10));

        Assert.True(ProportionConfidenceInterval.Wilson(50, 60).Upper > 0.9);
        Assert.DoesNotContain(ModelQualityChecker.Evaluate(reference, current, Policy).Findings, x => x.Metric == ModelQualityMetric.Accuracy);
    }

    [Fact]
    public void BelowTheMinimumLabelledCount_NothingIsReported()
    {
        WindowSummary reference = Classified(("a", "a", 900), ("a", "b", 100));
        WindowSummary current = Classified(("a", "a", 10), ("a", "b", 30));

        Assert.Empty(ModelQualityChecker.Evaluate(reference, current, Policy).Findings);
    }

    [Fact]
    public void RecallDropOfOneClass_IsReportedForThatClass()
    {
        WindowSummary reference = Classified(("x", "x", 450), ("x", "y", 50), ("y", "y", 450), ("y", "x", 50));
        WindowSummary current = Classified(("x", "x", 450), ("x", "y", 50), ("y", "y", 300), ("y", "x", 200));

        IReadOnlyList<ModelQualityFinding> findings = ModelQualityChecker.Evaluate(reference, current, Policy).Findings;

        ModelQualityFinding recall = Assert.Single(findings, f => f.Metric == ModelQualityMetric.Recall);
        Assert.Equal("y", recall.Class);
        Assert.Equal(0.9, recall.Evidence["reference"]);
        Assert.Equal(0.6, recall.Evidence["current"]);
        Assert.Equal(500, recall.Evidence["n"]);
        Assert.Contains(findings, f => f.Metric == ModelQualityMetric.Precision && f.Class == "x"); // 450/650 vs 0.9
        Assert.Contains(findings, f => f.Metric == ModelQualityMetric.F1);
        Assert.Contains(findings, f => f.Metric == ModelQualityMetric.Accuracy);
    }

    [Fact]
    public void CalibrationDegradation_ReportsBiasAndEce()
    {
        WindowSummary reference = Scored((0.9, 90, 10), (0.1, 10, 90));
        WindowSummary current = Scored((0.9, 60, 40), (0.1, 10, 90));

        IReadOnlyList<ModelQualityFinding> findings = ModelQualityChecker.Evaluate(reference, current, Policy).Findings;

        ModelQualityFinding bias = Assert.Single(findings, f => f.Metric == ModelQualityMetric.PredictionBias);
        Assert.Equal(0.0, bias.Evidence["reference"]!.Value, 1e-12);
        Assert.Equal(0.15, bias.Evidence["current"]!.Value, 1e-12);
        ConfidenceInterval rate = ProportionConfidenceInterval.Wilson(70, 200);
        Assert.Equal(0.5 - rate.Upper, bias.Evidence["ciLower"]!.Value, 1e-12);
        ModelQualityFinding ece = Assert.Single(findings, f => f.Metric == ModelQualityMetric.Ece);
        Assert.Equal(0.15, ece.Evidence["change"]!.Value, 1e-12);
        Assert.Equal(Severity.Error, ece.Severity);
    }

    [Fact]
    public void RegressionErrorIncrease_IsRelative()
    {
        WindowSummary reference = Regressed(1.0, 100);
        WindowSummary current = Regressed(1.5, 100);

        IReadOnlyList<ModelQualityFinding> findings = ModelQualityChecker.Evaluate(reference, current, Policy).Findings;

        Assert.Equal([ModelQualityMetric.Mae, ModelQualityMetric.Rmse], findings.Select(f => f.Metric));
        Assert.Equal(0.5, findings[0].Evidence["change"]!.Value, 1e-12);
        Assert.Equal(Severity.Error, findings[0].Severity);
        Assert.Empty(ModelQualityChecker.Evaluate(reference, Regressed(1.1, 100), Policy).Findings);
    }

    [Fact]
    public void CtrDrop_IsReported_WhenOutsideTheWilsonInterval()
    {
        WindowSummary reference = Clicks(impressions: 1000, clicks: 100);

        ModelQualityFinding f = Assert.Single(ModelQualityChecker.Evaluate(reference, Clicks(impressions: 1000, clicks: 50), Policy).Findings);

        Assert.Equal(ModelQualityMetric.Ctr, f.Metric);
        Assert.Equal(0.5, f.Evidence["change"]!.Value, 1e-12);
        Assert.Equal(ProportionConfidenceInterval.Wilson(50, 1000).Upper, f.Evidence["ciUpper"]);
        Assert.Empty(ModelQualityChecker.Evaluate(reference, Clicks(impressions: 40, clicks: 0), Policy).Findings);
    }

    [Fact]
    public void NoOutcomes_GiveNullGroupsAndNoFindings()
    {
        ModelQualityReport report = ModelQualityChecker.Evaluate(CheckData.Window(), CheckData.Window(), Policy);

        Assert.Equal(new ModelQualityMetrics(0, null, null, null, null), report.Current);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Policy_RejectsOutOfRangeThresholds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelQualityPolicy(classificationDrop: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelQualityPolicy(regressionErrorRelativeIncrease: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelQualityPolicy(minLabelledCount: 0));
    }

    private static WindowSummary Classified(params (string Actual, string Predicted, int Count)[] cells)
    {
        WindowSummary window = CheckData.Window();
        foreach ((string actual, string predicted, int count) in cells)
        {
            CheckData.Add(window, count, () => CheckData.Outcome(FieldValue.FromString(actual), FieldValue.Null, predicted));
        }

        return window;
    }

    private static WindowSummary Scored(params (double Score, int Positives, int Negatives)[] groups)
    {
        WindowSummary window = CheckData.Window();
        foreach ((double score, int positives, int negatives) in groups)
        {
            CheckData.Add(window, positives, () => CheckData.Outcome(FieldValue.FromNumber(1), FieldValue.FromNumber(score)));
            CheckData.Add(window, negatives, () => CheckData.Outcome(FieldValue.FromNumber(0), FieldValue.FromNumber(score)));
        }

        return window;
    }

    private static WindowSummary Regressed(double absoluteError, int count)
    {
        WindowSummary window = CheckData.Window();
        CheckData.Add(window, count, () => CheckData.Outcome(FieldValue.FromNumber(10), FieldValue.FromNumber(10 + absoluteError)));
        return window;
    }

    private static WindowSummary Clicks(int impressions, int clicks)
    {
        WindowSummary window = CheckData.Window();
        CheckData.Add(window, impressions, () => CheckData.Prediction(FieldValue.FromNumber(1), items: ["i"]));
        CheckData.Add(window, clicks, () => CheckData.Outcome(FieldValue.Null, FieldValue.Null, clicked: ["i"]));
        return window;
    }
}
