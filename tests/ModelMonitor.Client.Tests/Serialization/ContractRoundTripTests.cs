using ModelMonitor.Client;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Client.Tests.TestDoubles;
using Ingest = ModelMonitor.Core.Events;

namespace ModelMonitor.Client.Tests.Serialization;

/// <summary>What the producer writes is exactly what the ingest parser accepts and reads back.</summary>
public class ContractRoundTripTests
{
    private static readonly DateTimeOffset Arrival = SampleEvents.Timestamp.AddMinutes(1);

    private static MonitoringEvent Parse(byte[] body)
    {
        var results = new List<ParseResult>();
        new EventParser().Parse(body, Arrival, results);
        var result = Assert.Single(results);
        Assert.True(result.IsValid, result.Error);
        return result.Event!;
    }

    [Fact]
    public void Prediction_WithNonFiniteAndNullFeatures_ParsesToTheSameValues()
    {
        var sent = new PredictionEvent("e1", "fraud", "3.1.0", SampleEvents.Timestamp)
        {
            CallerId = "tenant-42",
            Features = new Dictionary<string, FeatureValue> { ["amount"] = 12.5, ["ratio"] = double.NaN, ["big"] = double.PositiveInfinity, ["country"] = "DE", ["vip"] = true, ["age"] = (double?)null },
            Prediction = 0.87,
            PredictedLabel = "fraud",
            LatencyMs = 12.3,
        };

        var received = Parse(EventSerializer.Serialize(sent));

        Assert.Equal(Ingest.EventKind.Prediction, received.Kind);
        Assert.Equal(SampleEvents.Timestamp, received.Timestamp);
        var features = received.Features.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal(12.5, features["amount"].Number);
        Assert.True(double.IsNaN(features["ratio"].Number));
        Assert.Equal(double.PositiveInfinity, features["big"].Number);
        Assert.Equal("DE", features["country"].Text);
        Assert.Equal(Ingest.ValueKind.Boolean, features["vip"].Kind);
        Assert.True(features["age"].IsNull);
        Assert.Equal(0.87, received.Prediction.Number);
        Assert.Equal(12.3, received.LatencyMs);
    }

    [Fact]
    public void Outcome_WithSliceFeatures_FoldsIntoPerSliceQuality()
    {
        var sent = new OutcomeEvent("e1", "fraud", "3.1.0", SampleEvents.Timestamp)
        {
            Label = "fraud",
            PredictedLabel = "fraud",
            Features = new Dictionary<string, FeatureValue> { ["region"] = "EU" },
        };

        var received = Parse(EventSerializer.Serialize(sent));
        var summary = new WindowSummary("fraud", "3.1.0", SampleEvents.Timestamp, SampleEvents.Timestamp.AddMinutes(5));
        summary.Add(received);

        Assert.Equal(Ingest.EventKind.Outcome, received.Kind);
        Assert.Equal(1, summary.Outcomes.Slices["region"]["EU"].Correct);
    }
}
