using System.Text.Json;
using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class DeadLettersCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task DeadLetters_AfterIngestingMalformedLines_ListsThemWithReasonsAndFullBodies()
    {
        var model = azurite.NewModelId();
        var source = azurite.NewSourceName();
        var lines = SampleFile.Lines(model);
        await CliRun.InvokeAsync("ingest", "--events", await EventLines.WriteFileAsync(lines), "--source", source);

        var run = await CliRun.InvokeAsync("deadletters", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var mine = json.RootElement.EnumerateArray().Where(l => l.GetProperty("partition").GetString() == source).ToList();
        Assert.Equal(2, mine.Count);
        Assert.Equal(
            ["partition", "sequenceNumber", "index", "enqueuedTime", "reason", "body", "bodyEncoding"],
            mine[0].EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(SampleFile.BadJsonLine, mine[0].GetProperty("sequenceNumber").GetInt64());
        Assert.StartsWith("invalid-json:", mine[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(lines[(int)SampleFile.BadJsonLine - 1], mine[0].GetProperty("body").GetString());
        Assert.Equal(SampleFile.MissingIdLine, mine[1].GetProperty("sequenceNumber").GetInt64());
        Assert.Equal("missing-field: eventId is required", mine[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task DeadLetters_TableFormat_TruncatesLongBodies()
    {
        var source = azurite.NewSourceName();
        var longLine = "{\"schema\":\"prediction/v1\",\"padding\":\"" + new string('y', 500) + "\"}";
        await CliRun.InvokeAsync("ingest", "--events", await EventLines.WriteFileAsync([longLine]), "--source", source);

        var run = await CliRun.InvokeAsync("deadletters", "--format", "table");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(source, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("missing-field", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('y', 250), run.Stdout.Replace("│", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
