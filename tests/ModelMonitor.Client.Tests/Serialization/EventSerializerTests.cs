using System.Text;
using System.Text.Json;
using ModelMonitor.Client.Tests.TestDoubles;

namespace ModelMonitor.Client.Tests.Serialization;

public class EventSerializerTests
{
    private static string Json(PredictionEvent e) => Encoding.UTF8.GetString(EventSerializer.Serialize(e));

    private static string Json(OutcomeEvent e) => Encoding.UTF8.GetString(EventSerializer.Serialize(e));

    [Fact]
    public void Serialize_FullPrediction_MatchesContractExample()
    {
        var e = new PredictionEvent("7f3c9a", "fraud", "3.1.0", SampleEvents.Timestamp)
        {
            CallerId = "tenant-42",
            Slot = "production",
            Features = new Dictionary<string, FeatureValue> { ["amount"] = 12.5, ["country"] = "DE", ["age"] = FeatureValue.Null },
            Prediction = 0.87,
            PredictedLabel = "fraud",
            LatencyMs = 12.3,
            CpuMs = 4.1,
            MemoryMb = 512,
            Status = "ok",
            Items = ["sku1", "sku2"],
            Upstream = [new UpstreamRef("embedder", "a1b2")],
        };

        Assert.Equal(
            """{"schema":"prediction/v1","eventId":"7f3c9a","modelId":"fraud","modelVersion":"3.1.0","timestamp":"2026-11-25T10:00:00.123Z","callerId":"tenant-42","slot":"production","features":{"amount":12.5,"country":"DE","age":null},"prediction":0.87,"predictedLabel":"fraud","latencyMs":12.3,"cpuMs":4.1,"memoryMb":512,"status":"ok","items":["sku1","sku2"],"upstream":[{"modelId":"embedder","eventId":"a1b2"}]}""",
            Json(e));
    }

    [Fact]
    public void Serialize_RequiredFieldsOnly_OmitsOptionalsAndWritesZeroMilliseconds()
    {
        var e = new PredictionEvent("e1", "m", "1", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

        Assert.Equal(
            """{"schema":"prediction/v1","eventId":"e1","modelId":"m","modelVersion":"1","timestamp":"2026-01-02T03:04:05.000Z"}""",
            Json(e));
    }

    [Fact]
    public void Serialize_NonFiniteAndMixedFeatures_WritesContractStrings()
    {
        var e = new PredictionEvent("e1", "m", "1", SampleEvents.Timestamp)
        {
            Features = new Dictionary<string, FeatureValue>
            {
                ["nan"] = double.NaN,
                ["inf"] = double.PositiveInfinity,
                ["ninf"] = double.NegativeInfinity,
                ["flag"] = true,
                ["off"] = (bool?)false,
                ["missing"] = (double?)null,
                ["none"] = (string?)null,
                ["count"] = 3,
                ["text"] = "NaN",
            },
        };

        Assert.Equal(
            """{"schema":"prediction/v1","eventId":"e1","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00.123Z","features":{"nan":"NaN","inf":"Infinity","ninf":"-Infinity","flag":true,"off":false,"missing":null,"none":null,"count":3,"text":"NaN"}}""",
            Json(e));
    }

    [Fact]
    public void Serialize_StringPrediction_WritesJsonString()
    {
        var e = new PredictionEvent("e1", "m", "1", SampleEvents.Timestamp) { Prediction = "fraud" };

        Assert.EndsWith(""","prediction":"fraud"}""", Json(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_NumericPrediction_WritesJsonNumber()
    {
        var e = new PredictionEvent("e1", "m", "1", SampleEvents.Timestamp) { Prediction = 1e-7 };

        Assert.EndsWith(""","prediction":1E-07}""", Json(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_EmptyCollections_WritesThemEmpty()
    {
        var e = new PredictionEvent("e1", "m", "1", SampleEvents.Timestamp) { Features = new Dictionary<string, FeatureValue>(), Items = [], Upstream = [] };

        Assert.EndsWith(""","features":{},"items":[],"upstream":[]}""", Json(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_FullOutcome_MatchesContractExample()
    {
        var e = new OutcomeEvent("7f3c9a", "fraud", "3.1.0", SampleEvents.Timestamp)
        {
            ObservedAt = new DateTimeOffset(2026, 12, 1, 8, 30, 0, 5, TimeSpan.Zero),
            Label = "fraud",
            Prediction = 0.87,
            PredictedLabel = "fraud",
            ClickedItems = ["sku2"],
        };

        Assert.Equal(
            """{"schema":"outcome/v1","eventId":"7f3c9a","modelId":"fraud","modelVersion":"3.1.0","timestamp":"2026-11-25T10:00:00.123Z","observedAt":"2026-12-01T08:30:00.005Z","label":"fraud","prediction":0.87,"predictedLabel":"fraud","clickedItems":["sku2"]}""",
            Json(e));
    }

    [Fact]
    public void Serialize_OutcomeWithNumericLabelOnly_OmitsOptionals()
    {
        var e = new OutcomeEvent("e1", "price", "2", SampleEvents.Timestamp) { Label = 199.99 };

        Assert.Equal(
            """{"schema":"outcome/v1","eventId":"e1","modelId":"price","modelVersion":"2","timestamp":"2026-11-25T10:00:00.123Z","label":199.99}""",
            Json(e));
    }

    [Fact]
    public void Serialize_OutcomeForPrediction_CarriesJoinKeysAndPrediction()
    {
        var prediction = new PredictionEvent("e9", "churn", "7", SampleEvents.Timestamp) { Prediction = 0.25, PredictedLabel = "stay", Slot = "canary" };

        var outcome = OutcomeEvent.ForPrediction(prediction) with { Label = "left" };

        Assert.Equal(
            """{"schema":"outcome/v1","eventId":"e9","modelId":"churn","modelVersion":"7","timestamp":"2026-11-25T10:00:00.123Z","label":"left","prediction":0.25,"predictedLabel":"stay"}""",
            Json(outcome));
    }

    [Fact]
    public void Serialize_TimestampWithOffsetAndTicks_WritesUtcMilliseconds()
    {
        var local = new DateTimeOffset(2026, 11, 25, 12, 0, 0, 999, TimeSpan.FromHours(2)).AddTicks(9_999);

        var e = new PredictionEvent("e1", "m", "1", local);

        Assert.Contains("\"timestamp\":\"2026-11-25T10:00:00.999Z\"", Json(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Text_EscapesJsonButKeepsUnicodeAsUtf8()
    {
        var e = new PredictionEvent("e1", "m", "1", SampleEvents.Timestamp)
        {
            Features = new Dictionary<string, FeatureValue> { ["city \"q\""] = "Zürich\n<b>" },
        };

        Assert.Contains("""{"city \"q\"":"Zürich\n<b>"}""", Json(e), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.1 + 0.2)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(-1e-300)]
    [InlineData(123456789012345680)]
    public void Serialize_Double_RoundTripsExactly(double value)
    {
        var e = new PredictionEvent("e1", "m", "1", SampleEvents.Timestamp) { Features = new Dictionary<string, FeatureValue> { ["x"] = value } };

        using var document = JsonDocument.Parse(EventSerializer.Serialize(e));

        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(document.RootElement.GetProperty("features").GetProperty("x").GetDouble()));
    }

    [FsCheck.Xunit.Property]
    public bool Serialize_AnyDoubleFeature_ParsesBackToTheSameValue(double value)
    {
        var e = new PredictionEvent("e1", "m", "1", SampleEvents.Timestamp) { Features = new Dictionary<string, FeatureValue> { ["x"] = value } };

        using var document = JsonDocument.Parse(EventSerializer.Serialize(e));
        var x = document.RootElement.GetProperty("features").GetProperty("x");

        return double.IsFinite(value)
            ? x.GetDouble().Equals(value)
            : x.GetString() == (double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }

    [Fact]
    public void Serialize_BodyOfExactlyOneMebibyte_IsAccepted()
    {
        var e = WithPadding(EventLimits.MaxMessageBytes);

        Assert.Equal(EventLimits.MaxMessageBytes, EventSerializer.Serialize(e).Length);
    }

    [Fact]
    public void Serialize_BodyOverOneMebibyte_ThrowsNamingTheEvent()
    {
        var e = WithPadding(EventLimits.MaxMessageBytes + 1);

        var error = Assert.Throws<ArgumentException>(() => EventSerializer.Serialize(e));

        Assert.Equal("predictionEvent", error.ParamName);
        Assert.Contains("1,048,577 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_OversizedOutcome_ThrowsNamingTheEvent()
    {
        var e = new OutcomeEvent("e1", "m", "1", SampleEvents.Timestamp) { ClickedItems = Enumerable.Repeat(new string('x', 1000), 1100).ToArray() };

        var error = Assert.Throws<ArgumentException>(() => EventSerializer.Serialize(e));

        Assert.Equal("outcomeEvent", error.ParamName);
    }

    [Fact]
    public void Serialize_AfterAnOversizedEvent_StillWritesCleanly()
    {
        Assert.Throws<ArgumentException>(() => EventSerializer.Serialize(WithPadding(EventLimits.MaxMessageBytes + 1)));

        Assert.Equal(
            """{"schema":"prediction/v1","eventId":"e1","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00.123Z"}""",
            Json(new PredictionEvent("e1", "m", "1", SampleEvents.Timestamp)));
    }

    /// <summary>A prediction whose body is exactly <paramref name="bodyBytes"/> long.</summary>
    private static PredictionEvent WithPadding(int bodyBytes)
    {
        PredictionEvent Padded(int length) => new("e1", "m", "1", SampleEvents.Timestamp)
        {
            Features = new Dictionary<string, FeatureValue> { ["pad"] = new string('x', length) },
        };

        var overhead = EventSerializer.Serialize(Padded(0)).Length;
        return Padded(bodyBytes - overhead);
    }
}
