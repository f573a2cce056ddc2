using System.Text.Json;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Tests.Summaries;

namespace ModelMonitor.Core.Tests.Checks;

public sealed class CheckEvaluatorTests
{
    [Fact]
    public void Evaluate_CombinesEveryCheck_AndAlertsOnWhatFired()
    {
        (WindowSummary reference, WindowSummary current) = DriftingWindows();

        CheckResult result = CheckEvaluator.Evaluate(reference, current, CheckPolicy.Default);

        Assert.Equal("m", result.ModelId);
        Assert.Equal(current.WindowStart, result.WindowStart);
        Assert.Equal(reference.WindowStart, result.ReferenceStart);
        Assert.Equal(DriftStatus.Drifted, result.Drift.Features.Single(f => f.Name == "amount").Status);
        Assert.Equal(DriftStatus.Drifted, result.PredictionDrift.Status);
        Assert.Contains(result.DataQuality, f => f.Subkind == DataQualitySubkind.Nan);
        Assert.Contains(result.ModelQuality.Findings, f => f.Metric == ModelQualityMetric.Accuracy);
        Assert.Equal(
            [AlertKind.DatasetDrift, AlertKind.FeatureDrift, AlertKind.PredictionDrift, AlertKind.DataQuality, AlertKind.ModelQuality],
            result.Alerts.Select(a => a.Kind).Distinct());
        MonitorAlert feature = result.Alerts.Single(a => a.Kind == AlertKind.FeatureDrift);
        Assert.Equal("amount", feature.Feature);
        Assert.Equal(result.Drift.Features.Single(f => f.Name == "amount").Score, feature.Evidence["score"]);
        Assert.All(result.Alerts, a => Assert.Equal(current.WindowStart, a.WindowStart));
        Assert.Equal(result.Alerts.Count, result.Alerts.Select(a => a.DedupKey).Distinct().Count());
    }

    [Fact]
    public void Evaluate_SameWindowTwice_GivesTheSameAlertKeysAndJson()
    {
        (WindowSummary reference, WindowSummary current) = DriftingWindows();

        CheckResult first = CheckEvaluator.Evaluate(reference, current, CheckPolicy.Default);
        CheckResult second = CheckEvaluator.Evaluate(reference.Clone(), current.Clone(), CheckPolicy.Default);

        Assert.NotEmpty(first.Alerts);
        Assert.Equal(first.Alerts.Select(a => a.DedupKey), second.Alerts.Select(a => a.DedupKey));
        Assert.Equal(CheckResultJson.Serialize(first), CheckResultJson.Serialize(second));
    }

    [Fact]
    public void MinimumAlertSeverity_FiltersAlertsButNotFindings()
    {
        (WindowSummary reference, WindowSummary current) = DriftingWindows();

        CheckResult result = CheckEvaluator.Evaluate(reference, current, new CheckPolicy(minimumAlertSeverity: Severity.Critical));

        MonitorAlert alert = Assert.Single(result.Alerts);
        Assert.Equal((AlertKind.DataQuality, DataQualitySubkind.Nan, Severity.Critical), (alert.Kind, alert.Subkind, alert.Severity));
        Assert.NotEmpty(result.ModelQuality.Findings); // still reported, just not alerted
        Assert.True(result.Drift.DatasetDrifted);
    }

    [Fact]
    public void Json_UsesCamelCaseAndKebabCaseEnums_AndOnlyFiniteNumbers()
    {
        (WindowSummary reference, WindowSummary current) = DriftingWindows();

        string json = CheckResultJson.Serialize(CheckEvaluator.Evaluate(reference, current, CheckPolicy.Default));

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        Assert.Equal(
            ["modelId", "modelVersion", "windowStart", "windowEnd", "referenceStart", "referenceEnd", "drift", "predictionDrift",
             "labelShift", "dataQuality", "modelQuality", "alerts", "conditions"],
            root.EnumerateObject().Select(p => p.Name));
        JsonElement alert = root.GetProperty("alerts")[0];
        Assert.Equal("dataset-drift", alert.GetProperty("kind").GetString());
        Assert.Equal("error", alert.GetProperty("severity").GetString());
        Assert.StartsWith("dataset-drift||m|1||", alert.GetProperty("dedupKey").GetString(), StringComparison.Ordinal);
        Assert.Equal("critical", root.GetProperty("dataQuality")[0].GetProperty("severity").GetString());
        Assert.Equal("no-drift", root.GetProperty("labelShift").GetProperty("status").GetString()); // one label class on both sides
        Assert.All(CheckData.Numbers(json), n => Assert.True(double.IsFinite(n)));
    }

    [Fact]
    public void Evaluate_RealisticMixedWindows_NeverThrowsOrWritesNaN()
    {
        // Numbers with NaN/Inf and nulls, categories, booleans, a mixed-type feature, an optional feature, outcomes.
        WindowSummary reference = Fold(SummaryTestData.Events(3000, seed: 1));
        WindowSummary current = Fold(SummaryTestData.Events(800, seed: 2));

        foreach ((WindowSummary r, WindowSummary c) in new[] { (reference, current), (current, reference), (reference, CheckData.Window()), (CheckData.Window(), current) })
        {
            string json = CheckResultJson.Serialize(CheckEvaluator.Evaluate(r, c, CheckPolicy.Default));
            Assert.All(CheckData.Numbers(json), n => Assert.True(double.IsFinite(n)));
        }
    }

    private static WindowSummary Fold(IEnumerable<MonitoringEvent> events)
    {
        var window = new WindowSummary("fraud", "1", SummaryTestData.Start, SummaryTestData.Start.AddHours(1));
        foreach (MonitoringEvent e in events)
        {
            window.Add(e);
        }

        return window;
    }

    // Reference: amount ~ N(100, 10), scores ~ U(0, 1), 90% accurate labels. Current: amount shifted by 1σ with two
    // NaNs, scores shifted up, 70% accurate.
    private static (WindowSummary Reference, WindowSummary Current) DriftingWindows()
    {
        WindowSummary reference = CheckData.Window(CheckData.Start.AddDays(-1));
        WindowSummary current = CheckData.Window();
        Fill(reference, CheckData.Normal(2000, 1, 100, 10), CheckData.Uniform(2000, 2), correct: 900);
        // 250 NaNs where the reference had none: a rise of more than ten points, so Critical.
        Fill(current, [.. CheckData.Normal(1000, 3, 110, 10), .. Enumerable.Repeat(double.NaN, 250)], CheckData.Uniform(1250, 4, 0.3, 1), correct: 700);
        return (reference, current);
    }

    private static void Fill(WindowSummary window, double[] amounts, double[] scores, int correct)
    {
        for (int i = 0; i < amounts.Length; i++)
        {
            window.Add(CheckData.Prediction(FieldValue.FromNumber(scores[i]), [new Feature("amount", FieldValue.FromNumber(amounts[i]))]));
        }

        CheckData.Add(window, correct, () => CheckData.Outcome(FieldValue.FromString("a"), FieldValue.Null, "a"));
        CheckData.Add(window, 1000 - correct, () => CheckData.Outcome(FieldValue.FromString("a"), FieldValue.Null, "b"));
    }
}
