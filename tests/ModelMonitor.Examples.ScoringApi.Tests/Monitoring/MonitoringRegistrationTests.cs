using ModelMonitor.Examples.ScoringApi.Tests.Infrastructure;

namespace ModelMonitor.Examples.ScoringApi.Tests.Monitoring;

public sealed class MonitoringRegistrationTests
{
    // Builds the real Event Hubs client with a DefaultAzureCredential; nothing is published, so it never connects.
    [Fact]
    public async Task Start_WithANamespaceConfigured_SendsToEventHubs()
    {
        await using var host = await ScoringApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["ModelMonitor:Producer:FullyQualifiedNamespace"] = "contoso-monitor.servicebus.windows.net",
            ["ModelMonitor:Producer:EventHubName"] = "model-events",
        });

        var stats = await host.Client.StatsAsync();

        Assert.Equal("eventhubs:contoso-monitor.servicebus.windows.net/model-events", stats.Destination);
    }

    [Fact]
    public async Task Start_WithAnInvalidProducerOption_FailsNamingIt()
    {
        var folder = Directory.CreateTempSubdirectory("scoring-api-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => ScoringApiHost.StartAsync(new Dictionary<string, string?>
            {
                ["ModelMonitor:EventsFile"] = Path.Combine(folder, "events.jsonl"),
                ["ModelMonitor:Producer:BufferCapacity"] = "0",
            }));

            Assert.Contains("BufferCapacity", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Start_WithANamespaceButNoHub_FailsNamingIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ScoringApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["ModelMonitor:Producer:FullyQualifiedNamespace"] = "contoso-monitor.servicebus.windows.net",
        }));

        Assert.Contains("EventHubName", error.Message, StringComparison.Ordinal);
    }
}
