using ModelMonitor.Client.Tests.TestDoubles;

namespace ModelMonitor.Client.Tests.Events;

public class OutcomeEventTests
{
    [Fact]
    public void Constructor_PathTraversalModelId_ThrowsNamingModelId() =>
        Assert.Equal("modelId", Assert.Throws<ArgumentException>(() => new OutcomeEvent("e1", "../x", "1", SampleEvents.Timestamp)).ParamName);

    [Fact]
    public void Label_NaN_ThrowsNamingLabel() =>
        Assert.Equal("label", Assert.Throws<ArgumentException>(() => new OutcomeEvent("e1", "m", "1", SampleEvents.Timestamp) { Label = double.NaN }).ParamName);

    [Fact]
    public void ObservedAt_Default_ThrowsNamingObservedAt() =>
        Assert.Equal("observedAt", Assert.Throws<ArgumentException>(() => new OutcomeEvent("e1", "m", "1", SampleEvents.Timestamp) { ObservedAt = default(DateTimeOffset) }).ParamName);

    [Fact]
    public void ClickedItems_NullEntry_ThrowsNamingClickedItems() =>
        Assert.Equal("clickedItems", Assert.Throws<ArgumentException>(() => new OutcomeEvent("e1", "m", "1", SampleEvents.Timestamp) { ClickedItems = [null!] }).ParamName);

    [Fact]
    public void ForPrediction_CopiesJoinKeysAndPrediction()
    {
        var prediction = SampleEvents.Prediction("e7", "ranker") with { PredictedLabel = "top" };

        var outcome = OutcomeEvent.ForPrediction(prediction);

        Assert.Equal(
            new OutcomeEvent("e7", "ranker", "3.1.0", prediction.Timestamp) { Prediction = 0.5, PredictedLabel = "top" },
            outcome);
    }
}
