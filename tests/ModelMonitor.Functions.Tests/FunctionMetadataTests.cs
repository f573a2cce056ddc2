using System.Text.Json;

namespace ModelMonitor.Functions.Tests;

public class FunctionMetadataTests
{
    private static JsonElement Function(JsonElement metadata, string name) =>
        metadata.EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);

    [Fact]
    public void FunctionsMetadataFile_DeclaresTheBatchedEventHubTrigger()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata was not generated next to the tests ({path})");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));

        var ingest = Function(doc.RootElement, "Ingest");
        var binding = ingest.GetProperty("bindings").EnumerateArray().Single();

        Assert.Equal("eventHubTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("In", binding.GetProperty("direction").GetString());
        Assert.Equal("Many", binding.GetProperty("cardinality").GetString());
        Assert.Equal("%EventHubName%", binding.GetProperty("eventHubName").GetString());
        Assert.Equal("EventHubConnection", binding.GetProperty("connection").GetString());
        Assert.Equal("%EventHubConsumerGroup%", binding.GetProperty("consumerGroup").GetString());
        Assert.Equal("Binary", binding.GetProperty("dataType").GetString());

        // Unbounded retries hold the checkpoint while storage is down; a plain rethrow would lose the batch.
        var retry = ingest.GetProperty("retry");
        Assert.Equal("exponentialBackoff", retry.GetProperty("strategy").GetString());
        Assert.Equal(-1, retry.GetProperty("maxRetryCount").GetInt32());
    }

    [Fact]
    public async Task GeneratedMetadataProvider_MatchesTheFile()
    {
        var provider = new ModelMonitor.Functions.GeneratedFunctionMetadataProvider();
        var functions = await provider.GetFunctionMetadataAsync(string.Empty);

        var ingest = functions.Single(f => f.Name == "Ingest");
        using var binding = JsonDocument.Parse(ingest.RawBindings!.Single());
        Assert.Equal("eventHubTrigger", binding.RootElement.GetProperty("type").GetString());
        Assert.Equal("Many", binding.RootElement.GetProperty("cardinality").GetString());
        Assert.Equal("EventHubConnection", binding.RootElement.GetProperty("connection").GetString());
        Assert.Equal("%EventHubConsumerGroup%", binding.RootElement.GetProperty("consumerGroup").GetString());
        Assert.Equal("exponentialBackoff", ingest.Retry!.Strategy.ToString(), ignoreCase: true);
        Assert.Equal(-1, ingest.Retry.MaxRetryCount);

        var timers = functions.Where(f => f.Name!.StartsWith("Rollup", StringComparison.Ordinal)).Select(f => JsonDocument.Parse(f.RawBindings!.Single()).RootElement.GetProperty("schedule").GetString());
        Assert.Equal(["%RollupHourlySchedule%", "%RollupDailySchedule%"], timers.Select(t => t!).Order(StringComparer.Ordinal).Reverse());
    }
}
