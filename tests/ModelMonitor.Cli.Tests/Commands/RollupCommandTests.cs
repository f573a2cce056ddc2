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
        var clock = TimeSlices.NewClock();
        var twoHoursAgo = TimeSlices.HourStart(clock, 2).AddMinutes(10);
        var path = await EventLines.WriteFileAsync([EventLines.Prediction(model, "e1", twoHoursAgo, "\"amount\":3", ",\"status\":\"ok\"")]);
        var ingest = await CliRun.InvokeAsync(clock, "ingest", "--events", path, "--source", azurite.NewSourceName());
        Assert.True(ingest.ExitCode == 0, ingest.ToString());

        var run = await CliRun.InvokeAsync(clock, "rollup", "--lookback-hours", "3");
        var again = await CliRun.InvokeAsync(clock, "rollup", "--lookback-hours", "3");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["hourly", "daily"], json.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["written", "unchanged", "empty"], json.RootElement.GetProperty("hourly").EnumerateObject().Select(p => p.Name).ToArray());
        // The clock's hour is this test's alone: exactly the one hour holding the event is rolled up, once.
        Assert.Equal(1, json.RootElement.GetProperty("hourly").GetProperty("written").GetInt32());
        using var second = JsonDocument.Parse(again.Stdout);
        Assert.Equal(0, second.RootElement.GetProperty("hourly").GetProperty("written").GetInt32());
        Assert.Equal(1, second.RootElement.GetProperty("hourly").GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Rollup_LookbackOutOfRange_ExitsWithUsageError()
    {
        var run = await CliRun.InvokeAsync("rollup", "--lookback-hours", "0");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }
}
