using System.Text.Json;
using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class RollupCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Rollup_AfterRecentEvents_WritesHourlyRollupsAndPrintsCounts()
    {
        var model = azurite.NewModelId();
        var hourAgo = DateTimeOffset.UtcNow.AddHours(-2);
        var path = await EventLines.WriteFileAsync([EventLines.Prediction(model, "e1", hourAgo, "\"amount\":3", ",\"status\":\"ok\"")]);
        await CliRun.InvokeAsync("ingest", "--events", path, "--source", azurite.NewSourceName());

        var run = await CliRun.InvokeAsync("rollup", "--lookback-hours", "3");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["hourly", "daily"], json.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["written", "unchanged", "empty"], json.RootElement.GetProperty("hourly").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.True(json.RootElement.GetProperty("hourly").GetProperty("written").GetInt32() >= 1, run.Stdout);
    }

    [Fact]
    public async Task Rollup_LookbackOutOfRange_ExitsWithUsageError()
    {
        var run = await CliRun.InvokeAsync("rollup", "--lookback-hours", "0");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }
}
