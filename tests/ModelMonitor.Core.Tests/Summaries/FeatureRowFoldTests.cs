using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Summaries.Serialization;

namespace ModelMonitor.Core.Tests.Summaries;

/// <summary>
/// Rows (the fast path's features: values plus a names array shared per shape) must fold exactly as arrays of
/// <see cref="Feature"/> do, through shape changes, interleaving with arrays, and past <see cref="WindowSummary.MaxFeatures"/>.
/// </summary>
public class FeatureRowFoldTests
{
    private static WindowSummary Fold(IEnumerable<MonitoringEvent> events)
    {
        var summary = new WindowSummary("fraud", "1", SummaryTestData.Start, SummaryTestData.Start.AddMinutes(5));
        foreach (var e in events)
        {
            summary.Add(e);
        }

        return summary;
    }

    // The same features as rows, one names array per distinct shape (as the parser shares them); every fifth event
    // keeps its array, so the two kinds interleave.
    private static List<MonitoringEvent> AsRows(List<MonitoringEvent> events)
    {
        var shapes = new Dictionary<string, string[]>();
        var rows = new List<MonitoringEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (i % 5 == 4 || e.Features.Count == 0)
            {
                rows.Add(e);
                continue;
            }

            var names = e.Features.Select(f => f.Name).ToArray();
            var key = string.Join("\u0001", names);
            if (!shapes.TryGetValue(key, out var shared))
            {
                shared = names;
                shapes[key] = shared;
            }

            rows.Add(With(e, new FeatureRow(shared, [.. e.Features.Select(f => f.Value)])));
        }

        return rows;
    }

    private static MonitoringEvent With(MonitoringEvent e, IReadOnlyList<Feature> features) => new()
    {
        Kind = e.Kind,
        EventId = e.EventId,
        ModelId = e.ModelId,
        ModelVersion = e.ModelVersion,
        Timestamp = e.Timestamp,
        CallerId = e.CallerId,
        Features = features,
        Prediction = e.Prediction,
        PredictedLabel = e.PredictedLabel,
        Label = e.Label,
        LatencyMs = e.LatencyMs,
        Status = e.Status,
        Items = e.Items,
        ClickedItems = e.ClickedItems,
    };

    [Fact]
    public void Add_RowsAndArraysOfTheSameEvents_GiveByteIdenticalSummaries()
    {
        var events = SummaryTestData.Events(5000, seed: 11);

        var fromArrays = Fold(events);
        var fromRows = Fold(AsRows(events));

        Assert.Equal(WindowSummarySerializer.ToJson(fromArrays), WindowSummarySerializer.ToJson(fromRows));
        Assert.Equal(WindowSummarySerializer.Serialize(fromArrays), WindowSummarySerializer.Serialize(fromRows));
    }

    [Fact]
    public void Add_ShapesOfEqualLengthTakingTurns_EachValueLandsOnItsOwnFeature()
    {
        // Three shapes taking turns (kept resolved), then six (more than a summary keeps, so they are evicted and
        // resolved again), then three again.
        string[][] shapes = [["a", "b"], ["b", "a"], ["a", "c"], ["c", "a"], ["b", "c"], ["c", "b"]];
        var first = SummaryTestData.Events(1, seed: 2)[0];
        var rows = new List<MonitoringEvent>();
        var arrays = new List<MonitoringEvent>();
        for (var i = 0; i < 300; i++)
        {
            var shape = i is >= 100 and < 200 ? shapes[i % shapes.Length] : shapes[i % 3];
            FieldValue[] values = [FieldValue.FromNumber(i), FieldValue.FromString($"v{i % 7}")];
            rows.Add(With(first, new FeatureRow(shape, values)));
            arrays.Add(With(first, shape.Select((name, j) => new Feature(name, values[j])).ToArray()));
        }

        var fromRows = Fold(rows);

        Assert.Equal(WindowSummarySerializer.ToJson(Fold(arrays)), WindowSummarySerializer.ToJson(fromRows));
        Assert.Equal(2 * 300, fromRows.Features["a"].Present + fromRows.Features["b"].Present + fromRows.Features["c"].Present);
    }

    [Fact]
    public void Add_RowsWiderThanTheFeatureLimit_CountTheRestAsUntracked()
    {
        var names = Enumerable.Range(0, WindowSummary.MaxFeatures + 7).Select(i => $"f{i}").ToArray();
        var values = names.Select((_, i) => FieldValue.FromNumber(i)).ToArray();
        var row = new FeatureRow(names, values);
        var array = names.Select((name, i) => new Feature(name, values[i])).ToArray();
        var first = SummaryTestData.Events(1, seed: 1)[0];

        var fromRows = Fold([With(first, row), With(first, row)]);
        var fromArrays = Fold([With(first, array), With(first, array)]);

        Assert.Equal(WindowSummary.MaxFeatures, fromRows.Features.Count);
        Assert.Equal(14, fromRows.UntrackedFeatureValues);
        Assert.Equal(fromArrays.UntrackedFeatureValues, fromRows.UntrackedFeatureValues);
        Assert.Equal(2, fromRows.Features[$"f{WindowSummary.MaxFeatures - 1}"].Numbers);
    }

    [Fact]
    public void FeatureRow_ReadsAsItsFeatures_AndRejectsMismatchedLengths()
    {
        var row = new FeatureRow(["a", "b"], [FieldValue.FromNumber(1), FieldValue.FromString("x")]);

        Assert.Equal([new Feature("a", FieldValue.FromNumber(1)), new Feature("b", FieldValue.FromString("x"))], row.ToList());
        Assert.Equal(new Feature("b", FieldValue.FromString("x")), row[1]);
        Assert.Equal(2, row.Count);
        Assert.Throws<ArgumentException>(() => new FeatureRow(["a"], []));
    }
}
