using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Summaries.Serialization;

namespace ModelMonitor.Core.Tests.Summaries;

public class SliceQualityTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    /// <summary>An outcome with a slice feature: correct when <paramref name="correct"/>, binary score path.</summary>
    internal static MonitoringEvent Outcome(string region, bool correct, int i, string feature = "region") => new()
    {
        Kind = EventKind.Outcome, EventId = $"e{i}", ModelId = "fraud", ModelVersion = "1", Timestamp = Start,
        Features = [new(feature, FieldValue.FromString(region))],
        Label = FieldValue.FromNumber(1),
        Prediction = FieldValue.FromNumber(correct ? 0.9 : 0.1),
    };

    internal static WindowSummary Summarize(IEnumerable<MonitoringEvent> events)
    {
        var summary = new WindowSummary("fraud", "1", Start, Start.AddHours(1));
        foreach (var e in events)
        {
            summary.Add(e);
        }

        return summary;
    }

    [Fact]
    public void Outcomes_WithSliceFeatures_CountAccuracyPerValue()
    {
        var events = Enumerable.Range(0, 100).Select(i => Outcome(i % 2 == 0 ? "EU" : "US", correct: i % 4 != 0, i));

        var slices = Summarize(events).Outcomes.Slices["region"];

        Assert.Equal(50, slices["EU"].Classified);
        Assert.Equal(25, slices["EU"].Correct);
        Assert.Equal(50, slices["US"].Correct);
        Assert.Equal(0.5, slices["EU"].Accuracy);
    }

    [Fact]
    public void Slices_MergeExactly_AndSurviveSerialization()
    {
        var events = Enumerable.Range(0, 300).Select(i => Outcome($"r{i % 7}", correct: i % 3 != 0, i)).ToList();
        var whole = Summarize(events);
        var left = Summarize(events.Take(120));
        left.Merge(Summarize(events.Skip(120)));

        var restored = WindowSummarySerializer.Deserialize(WindowSummarySerializer.Serialize(left));

        foreach (var (value, slice) in whole.Outcomes.Slices["region"])
        {
            Assert.Equal(slice.Classified, restored.Outcomes.Slices["region"][value].Classified);
            Assert.Equal(slice.Correct, restored.Outcomes.Slices["region"][value].Correct);
        }
    }

    [Fact]
    public void Slices_AreBounded_LaterValuesPoolAsOther()
    {
        var events = Enumerable.Range(0, 100).Select(i => Outcome($"v{i}", correct: true, i));

        var slices = Summarize(events).Outcomes.Slices["region"];

        Assert.Equal(OutcomeSummary.MaxSliceValues, slices.Count);
        Assert.Equal(100 - (OutcomeSummary.MaxSliceValues - 1), slices[OutcomeSummary.OtherSlice].Classified);
    }

    private static IEnumerable<MonitoringEvent> Group(string region, int count, int correct) =>
        Enumerable.Range(0, count).Select(i => Outcome(region, correct: i < correct, i));

    [Fact]
    public void ModelQuality_SliceWithAnAccuracyDrop_IsReportedWithItsName_OthersAreNot()
    {
        // Reference: 90 % accurate in EU and US. Current: EU falls to 50 %, US stays; "tiny" has too few labels to judge.
        var reference = Summarize(Group("EU", 500, 450).Concat(Group("US", 500, 450)).Concat(Group("tiny", 100, 100)));
        var current = Summarize(Group("EU", 200, 100).Concat(Group("US", 200, 180)).Concat(Group("tiny", 10, 0)));

        var report = ModelQualityChecker.Evaluate(reference, current, new ModelQualityPolicy());

        var slices = report.Findings.Where(f => f.Class is not null && f.Class.StartsWith("region=", StringComparison.Ordinal)).ToList();
        Assert.All(slices, f => Assert.Equal("region=EU", f.Class));
        Assert.Equal([ModelQualityMetric.Accuracy, ModelQualityMetric.Mae], slices.Select(f => f.Metric).Order(StringComparer.Ordinal));
        var accuracy = slices.Single(f => f.Metric == ModelQualityMetric.Accuracy);
        Assert.Equal(0.9, accuracy.Evidence["reference"]!.Value, 9);
        Assert.Equal(0.5, accuracy.Evidence["current"]!.Value, 9);
        Assert.Equal(200, accuracy.Evidence["n"]);
    }
}
