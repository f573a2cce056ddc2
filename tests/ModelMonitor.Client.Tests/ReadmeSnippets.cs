using Azure.Identity;
using Microsoft.Extensions.Logging;

namespace ModelMonitor.Client.Tests;

/// <summary>
/// The code shown in functions/ModelMonitor.Client/README.md, between the region markers. It compiles with
/// the tests, <see cref="ReadmeTests"/> runs it, and checks that the README still shows exactly this code.
/// </summary>
internal static class ReadmeSnippets
{
    public static async Task StartupAsync(ILoggerFactory loggerFactory)
    {
        #region startup
        // At start-up: one producer per process. Disposing it at shutdown flushes what is buffered.
        await using var monitor = ModelMonitorProducer.Create(
            new ModelMonitorProducerOptions
            {
                FullyQualifiedNamespace = "contoso-monitor.servicebus.windows.net",
                EventHubName = "model-events",
                Credential = new DefaultAzureCredential(),
            },
            loggerFactory.CreateLogger<ModelMonitorProducer>());
        #endregion
    }

    #region publish
    // On the request path, after the model has answered:
    public static void OnPrediction(ModelMonitorProducer monitor, TimeProvider time, string requestId, double score, TimeSpan latency)
    {
        var prediction = new PredictionEvent(requestId, "fraud", "3.1.0", time.GetUtcNow())
        {
            CallerId = "tenant-42",
            Features = new Dictionary<string, FeatureValue>
            {
                ["amount"] = 12.5,
                ["country"] = "DE",
                ["age"] = FeatureValue.Null,
            },
            Prediction = score,
            PredictedLabel = score >= 0.5 ? "fraud" : "legit",
            LatencyMs = latency.TotalMilliseconds,
        };

        // Never blocks; false means the buffer was full and the event was dropped (and counted).
        monitor.TryPublish(prediction);
    }

    // Days later, when the truth is known: the prediction's id, model, version and timestamp join the two.
    public static void OnChargeback(ModelMonitorProducer monitor, TimeProvider time, string requestId, DateTimeOffset predictedAt)
    {
        monitor.TryPublish(new OutcomeEvent(requestId, "fraud", "3.1.0", predictedAt)
        {
            Label = "fraud",
            ObservedAt = time.GetUtcNow(),
        });
    }
    #endregion
}
