using ModelMonitor.Client.Tests.TestDoubles;

namespace ModelMonitor.Client.Tests.Events;

public class PredictionEventTests
{
    private static readonly DateTimeOffset Now = SampleEvents.Timestamp;

    [Theory]
    [InlineData("fraud")]
    [InlineData("a.b-c_D9")]
    [InlineData("..a")]
    [InlineData("1234567890123456789012345678901234567890123456789012345678901234")]
    public void Constructor_ValidModelId_IsKept(string modelId) =>
        Assert.Equal(modelId, new PredictionEvent("e1", modelId, "1", Now).ModelId);

    [Theory]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("...")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("fraud model")]
    [InlineData("modèle")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345")]
    public void Constructor_InvalidModelId_ThrowsNamingModelId(string modelId)
    {
        var error = Assert.Throws<ArgumentException>(() => new PredictionEvent("e1", modelId, "1", Now));

        Assert.Equal("modelId", error.ParamName);
        Assert.Contains("[A-Za-z0-9._-]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullModelId_ThrowsNamingModelId() =>
        Assert.Equal("modelId", Assert.Throws<ArgumentException>(() => new PredictionEvent("e1", null!, "1", Now)).ParamName);

    [Theory]
    [InlineData("../1")]
    [InlineData("")]
    [InlineData("1.0/beta")]
    public void Constructor_InvalidModelVersion_ThrowsNamingModelVersion(string modelVersion) =>
        Assert.Equal("modelVersion", Assert.Throws<ArgumentException>(() => new PredictionEvent("e1", "m", modelVersion, Now)).ParamName);

    [Fact]
    public void Constructor_EventIdOf128Characters_IsKept() =>
        Assert.Equal(128, new PredictionEvent(new string('e', 128), "m", "1", Now).EventId.Length);

    [Theory]
    [InlineData(0)]
    [InlineData(129)]
    public void Constructor_EventIdEmptyOrTooLong_ThrowsNamingEventId(int length) =>
        Assert.Equal("eventId", Assert.Throws<ArgumentException>(() => new PredictionEvent(new string('e', length), "m", "1", Now)).ParamName);

    [Fact]
    public void Constructor_DefaultTimestamp_ThrowsNamingTimestamp() =>
        Assert.Equal("timestamp", Assert.Throws<ArgumentException>(() => new PredictionEvent("e1", "m", "1", default)).ParamName);

    [Fact]
    public void Constructor_LocalTimestamp_IsStoredAsUtcMilliseconds()
    {
        var e = new PredictionEvent("e1", "m", "1", new DateTimeOffset(2026, 11, 25, 11, 0, 0, 123, TimeSpan.FromHours(1)).AddTicks(4_567));

        Assert.Equal(TimeSpan.Zero, e.Timestamp.Offset);
        Assert.Equal(Now, e.Timestamp);
    }

    [Fact]
    public void With_InvalidModelId_Throws()
    {
        var valid = new PredictionEvent("e1", "m", "1", Now);

        Assert.Equal("modelId", Assert.Throws<ArgumentException>(() => valid with { ModelId = "../x" }).ParamName);
    }

    [Fact]
    public void Features_1000_AreAccepted()
    {
        var features = Enumerable.Range(0, EventLimits.MaxFeatures).ToDictionary(i => $"f{i}", i => (FeatureValue)i);

        Assert.Equal(1000, new PredictionEvent("e1", "m", "1", Now) { Features = features }.Features!.Count);
    }

    [Fact]
    public void Features_1001_ThrowsNamingFeatures()
    {
        var features = Enumerable.Range(0, EventLimits.MaxFeatures + 1).ToDictionary(i => $"f{i}", i => (FeatureValue)i);

        var error = Assert.Throws<ArgumentException>(() => new PredictionEvent("e1", "m", "1", Now) { Features = features });

        Assert.Equal("features", error.ParamName);
        Assert.Contains("1001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Features_EmptyName_ThrowsNamingFeatures() =>
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => new PredictionEvent("e1", "m", "1", Now)
        {
            Features = new Dictionary<string, FeatureValue> { [""] = 1 },
        }).ParamName);

    [Fact]
    public void Features_ChangedByCallerAfterwards_DoNotChangeTheEvent()
    {
        var features = new Dictionary<string, FeatureValue> { ["a"] = 1 };
        var e = new PredictionEvent("e1", "m", "1", Now) { Features = features };

        features["b"] = 2;
        features["a"] = 3;

        Assert.Equal(new Dictionary<string, FeatureValue> { ["a"] = 1 }, e.Features);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Prediction_NonFiniteNumber_ThrowsNamingPrediction(double value) =>
        Assert.Equal("prediction", Assert.Throws<ArgumentException>(() => new PredictionEvent("e1", "m", "1", Now) { Prediction = value }).ParamName);

    [Fact]
    public void Prediction_EmptyLabel_ThrowsNamingPrediction() =>
        Assert.Equal("prediction", Assert.Throws<ArgumentException>(() => new PredictionEvent("e1", "m", "1", Now) { Prediction = "" }).ParamName);

    [Fact]
    public void Prediction_NullLabel_LeavesPredictionUnset()
    {
        string? label = null;

        Assert.Null(new PredictionEvent("e1", "m", "1", Now) { Prediction = label }.Prediction);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Measurements_NegativeOrNonFinite_ThrowNamingTheField(double value)
    {
        var e = new PredictionEvent("e1", "m", "1", Now);

        Assert.Equal("latencyMs", Assert.Throws<ArgumentException>(() => e with { LatencyMs = value }).ParamName);
        Assert.Equal("cpuMs", Assert.Throws<ArgumentException>(() => e with { CpuMs = value }).ParamName);
        Assert.Equal("memoryMb", Assert.Throws<ArgumentException>(() => e with { MemoryMb = value }).ParamName);
    }

    [Fact]
    public void Upstream_InvalidModelId_ThrowsNamingUpstreamModelId() =>
        Assert.Equal("upstream.modelId", Assert.Throws<ArgumentException>(() => new UpstreamRef("../embedder", "e0")).ParamName);

    [Fact]
    public void Upstream_EmptyEventId_ThrowsNamingUpstreamEventId() =>
        Assert.Equal("upstream.eventId", Assert.Throws<ArgumentException>(() => new UpstreamRef("embedder", "")).ParamName);

    [Fact]
    public void Upstream_NullEntry_ThrowsNamingUpstream() =>
        Assert.Equal("upstream", Assert.Throws<ArgumentException>(() => new PredictionEvent("e1", "m", "1", Now) { Upstream = [null!] }).ParamName);

    [Fact]
    public void Items_NullEntry_ThrowsNamingItems() =>
        Assert.Equal("items", Assert.Throws<ArgumentException>(() => new PredictionEvent("e1", "m", "1", Now) { Items = ["a", null!] }).ParamName);

    [Fact]
    public void Error_LongBadValue_IsShortenedInTheMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => new PredictionEvent("e1", new string('/', 5000), "1", Now));

        Assert.True(error.Message.Length < 400, error.Message);
        Assert.Contains("5000 characters", error.Message, StringComparison.Ordinal);
    }
}
