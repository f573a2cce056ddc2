using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using ModelMonitor.Core.Abuse;
using ModelMonitor.Storage.Tables;
using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class ReferenceAndCheckCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ReferenceBuild_FromCsv_StoresTheProfile()
    {
        var model = azurite.NewModelId();
        var csv = await EventLines.WriteFileAsync(new[] { "amount,country" }.Concat(Enumerable.Range(0, 500).Select(i => $"{i % 50},{(i % 2 == 0 ? "DE" : "FR")}")), $"train-{Guid.NewGuid():N}.csv");

        var run = await CliRun.InvokeAsync("reference", "build", "--model", model, "--data", csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdoutLine);
        Assert.Equal($"references/{model}/default", json.RootElement.GetProperty("reference").GetString());
        Assert.Equal(500, json.RootElement.GetProperty("events").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("features").GetInt32());
    }

    [Fact]
    public async Task ReferenceBuild_ExcludeReputationBelow_LeavesOutLowReputationCallersOnly()
    {
        var model = azurite.NewModelId();
        var reputations = new TableReputationStore(new TableServiceClient("UseDevelopmentStorage=true").GetTableClient(TableReputationStore.TableName));
        var now = DateTimeOffset.UtcNow;
        await reputations.UpdateAsync(model, "scraper", _ => new CallerReputation("scraper", 0.05, now));
        await reputations.UpdateAsync(model, "recovered", _ => new CallerReputation("recovered", 0.9, now));
        var lines = Enumerable.Range(0, 300).Select(i => EventLines.Prediction(
            model, $"e{i}", EventLines.Day, string.Create(CultureInfo.InvariantCulture, $"\"amount\":{i % 50}"), (i % 3) switch { 0 => ",\"callerId\":\"scraper\"", 1 => ",\"callerId\":\"recovered\"", _ => string.Empty }));
        var jsonl = await EventLines.WriteFileAsync(lines, $"train-{Guid.NewGuid():N}.jsonl");

        var run = await CliRun.InvokeAsync("reference", "build", "--model", model, "--data", jsonl, "--exclude-reputation-below", "0.3");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdoutLine);
        Assert.Equal(200, json.RootElement.GetProperty("events").GetInt64());
        Assert.Equal(100, json.RootElement.GetProperty("excludedEvents").GetInt64());
    }

    [Fact]
    public async Task ReferenceBuild_ExcludeReputationBelowOnCsv_IsAUsageError()
    {
        var model = azurite.NewModelId();
        var csv = await EventLines.WriteFileAsync(["amount", "1"], $"train-{Guid.NewGuid():N}.csv");

        var run = await CliRun.InvokeAsync("reference", "build", "--model", model, "--data", csv, "--exclude-reputation-below", "0.3");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--exclude-reputation-below", run.Stderr);
    }

    [Fact]
    public async Task ReferenceBuild_InvalidJsonl_NamesTheLine()
    {
        var model = azurite.NewModelId();
        var jsonl = await EventLines.WriteFileAsync([EventLines.Prediction(model, "e1", EventLines.Day, "\"x\":1"), "{broken"], $"train-{Guid.NewGuid():N}.jsonl");

        var run = await CliRun.InvokeAsync("reference", "build", "--model", model, "--data", jsonl);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 2", run.Stderr);
    }

    [Fact]
    public async Task Check_DriftedRecentWindows_RaisesAlertsOnce()
    {
        var model = azurite.NewModelId();
        var training = Enumerable.Range(0, 2000).Select(i => EventLines.Prediction(model, $"t{i}", EventLines.Day, string.Create(CultureInfo.InvariantCulture, $"\"amount\":{i % 100}")));
        var trainingFile = await EventLines.WriteFileAsync(training, $"train-{Guid.NewGuid():N}.jsonl");
        var reference = await CliRun.InvokeAsync("reference", "build", "--model", model, "--version", "v1", "--data", trainingFile);
        Assert.True(reference.ExitCode == 0, reference.ToString());

        // The two hours before the last, amounts far above anything in the reference: a drift has to persist (two of three
        // windows) before it alerts, so one drifted hour alone would not.
        var clock = TimeSlices.NewClock();
        var start = TimeSlices.HourStart(clock, 3);
        var recent = Enumerable.Range(0, 1200).Select(i => EventLines.Prediction(model, $"c{i}", start.AddSeconds(i * 6), string.Create(CultureInfo.InvariantCulture, $"\"amount\":{500 + (i % 100)}")));
        var source = azurite.NewSourceName();
        var ingest = await CliRun.InvokeAsync(clock, "ingest", "--events", await EventLines.WriteFileAsync(recent), "--source", source);
        Assert.True(ingest.ExitCode == 0, ingest.ToString());

        var first = await CliRun.InvokeAsync(clock, "check", "--lookback-hours", "4", "--format", "json");
        var second = await CliRun.InvokeAsync(clock, "check", "--lookback-hours", "4", "--format", "json");

        Assert.True(first.ExitCode == 0, first.ToString());
        using var a = JsonDocument.Parse(first.StdoutLine);
        using var b = JsonDocument.Parse(second.StdoutLine);
        // The clock's hours are this test's alone: its 24 five-minute windows and the two hours, nothing else.
        Assert.Equal(26, a.RootElement.GetProperty("evaluated").GetInt32());
        Assert.True(a.RootElement.GetProperty("alertsRaised").GetInt32() > 0, first.Stdout);
        Assert.Equal(0, b.RootElement.GetProperty("evaluated").GetInt32());
        Assert.Equal(0, b.RootElement.GetProperty("alertsRaised").GetInt32());
    }
}
