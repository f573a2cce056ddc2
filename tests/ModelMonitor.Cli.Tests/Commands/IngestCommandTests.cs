using System.Text.Json;
using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class IngestCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Ingest_ValidBlankAndMalformedLines_PrintsExactCounts()
    {
        var model = azurite.NewModelId();
        var path = await EventLines.WriteFileAsync(SampleFile.Lines(model));

        var run = await CliRun.InvokeAsync("ingest", "--events", path, "--source", azurite.NewSourceName(), "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            $$"""{"received":{{SampleFile.Received}},"folded":{{SampleFile.Valid}},"deadLettered":{{SampleFile.Malformed}},"skippedDuplicates":0}""",
            run.Stdout.TrimEnd());
    }

    [Fact]
    public async Task Ingest_SameFileTwice_SecondRunSkipsEverythingAndSummaryIsUnchanged()
    {
        var model = azurite.NewModelId();
        var source = azurite.NewSourceName();
        var path = await EventLines.WriteFileAsync(SampleFile.Lines(model));
        var first = await CliRun.InvokeAsync("ingest", "--events", path, "--source", source);
        var before = await CliRun.InvokeAsync("summary", "--model", model, "--from", "2001-01-10", "--to", "2001-01-11");

        var second = await CliRun.InvokeAsync("ingest", "--events", path, "--source", source);
        var after = await CliRun.InvokeAsync("summary", "--model", model, "--from", "2001-01-10", "--to", "2001-01-11");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        using var result = JsonDocument.Parse(second.Stdout);
        Assert.Equal(SampleFile.Received, result.RootElement.GetProperty("received").GetInt32());
        Assert.Equal(0, result.RootElement.GetProperty("folded").GetInt32());
        Assert.Equal(SampleFile.Valid, result.RootElement.GetProperty("skippedDuplicates").GetInt32());
        Assert.Equal(SampleFile.Malformed, result.RootElement.GetProperty("deadLettered").GetInt32());
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Equal(before.Stdout, after.Stdout);
        using var summary = JsonDocument.Parse(after.Stdout);
        Assert.Equal(SampleFile.Valid, summary.RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Ingest_DefaultSource_IsTheSanitizedFileName()
    {
        var model = azurite.NewModelId();
        var name = $"bad name {Guid.NewGuid():N}.jsonl";
        var path = await EventLines.WriteFileAsync(["not json", EventLines.Prediction(model, "e1", EventLines.Day, "\"x\":1")], name);
        azurite.TrackSource(name.Replace(' ', '-'));

        var run = await CliRun.InvokeAsync("ingest", "--events", path);
        var letters = await CliRun.InvokeAsync("deadletters");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(letters.Stdout);
        var mine = json.RootElement.EnumerateArray().Where(l => l.GetProperty("partition").GetString() == name.Replace(' ', '-')).ToList();
        var letter = Assert.Single(mine);
        Assert.Equal(1, letter.GetProperty("sequenceNumber").GetInt64());
    }

    [Fact]
    public async Task Ingest_TableFormat_PrintsATableWithTheCounts()
    {
        var model = azurite.NewModelId();
        var path = await EventLines.WriteFileAsync(SampleFile.Lines(model));

        var run = await CliRun.InvokeAsync("ingest", "--events", path, "--source", azurite.NewSourceName(), "--format", "table");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("skipped duplicates", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("dead-lettered", run.Stdout, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(run.Stdout));
    }

    [Fact]
    public async Task Ingest_MissingFile_ExitsWithUsageError()
    {
        var run = await CliRun.InvokeAsync("ingest", "--events", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.jsonl"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("not found", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Ingest_InvalidSourceName_ExitsWithUsageError()
    {
        var path = await EventLines.WriteFileAsync(["{}"]);

        var run = await CliRun.InvokeAsync("ingest", "--events", path, "--source", "../etc");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--source", run.Stderr, StringComparison.Ordinal);
    }
}
