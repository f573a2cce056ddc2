namespace ModelMonitor.Client.Tests.TestDoubles;

/// <summary>Small valid events for tests.</summary>
internal static class SampleEvents
{
    public static readonly DateTimeOffset Timestamp = new(2026, 11, 25, 10, 0, 0, 123, TimeSpan.Zero);

    public static PredictionEvent Prediction(string eventId = "e1", string modelId = "fraud") =>
        new(eventId, modelId, "3.1.0", Timestamp) { Prediction = 0.5 };
}
