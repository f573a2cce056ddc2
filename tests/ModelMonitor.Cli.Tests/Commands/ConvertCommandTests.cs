using System.Text;
using System.Text.Json;
using ModelMonitor.Cli.Tests.Infrastructure;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Cli.Tests.Commands;

public sealed class ConvertCommandTests
{
    private static async Task<(CliRun Run, List<MonitoringEvent> Events)> ConvertAsync(string csv, params string[] extra)
    {
        var input = await EventLines.WriteFileAsync([csv.TrimEnd('\n')], "predictions.csv");
        var output = Path.Combine(Path.GetDirectoryName(input)!, "events.jsonl");
        var run = await CliRun.InvokeAsync(["convert", "--input", input, "--out", output, "--model", "fraud", .. extra]);
        var events = new List<MonitoringEvent>();
        if (run.ExitCode != 0)
        {
            return (run, events);
        }

        // The service's own parser must accept every line the converter wrote.
        var parser = new EventParser();
        var results = new List<ParseResult>();
        foreach (var line in await File.ReadAllLinesAsync(output))
        {
            results.Clear();
            parser.Parse(Encoding.UTF8.GetBytes(line), DateTimeOffset.MaxValue.AddDays(-1), results);
            var result = Assert.Single(results);
            Assert.True(result.IsValid, $"{result.Error}: {line}");
            events.Add(result.Event!);
        }

        return (run, events);
    }

    [Fact]
    public async Task Convert_LabelledRows_RoundTripThroughTheServiceParser()
    {
        var (run, events) = await ConvertAsync(
            "timestamp,amount,country,prediction,label\n" +
            "2026-11-25T10:00:00Z,12.5,DE,0.9,fraud\n" +
            "2026-11-25T10:01:00Z,7,FR,0.1,\n");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdoutLine);
        Assert.Equal(2, json.RootElement.GetProperty("predictions").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("outcomes").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("skipped").GetInt32());
        Assert.Equal(3, events.Count);

        var first = events[0];
        Assert.Equal(EventKind.Prediction, first.Kind);
        Assert.Equal("fraud", first.ModelId);
        Assert.Equal("1", first.ModelVersion);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), first.Timestamp);
        Assert.Equal(FieldValue.FromNumber(0.9), first.Prediction);
        Assert.Equal(FieldValue.FromNumber(12.5), first.Features.Single(f => f.Name == "amount").Value);
        Assert.Equal(FieldValue.FromString("DE"), first.Features.Single(f => f.Name == "country").Value);
        Assert.DoesNotContain(first.Features, f => f.Name is "label" or "prediction" or "timestamp");

        var outcome = events[1];
        Assert.Equal(EventKind.Outcome, outcome.Kind);
        Assert.Equal(first.EventId, outcome.EventId);
        Assert.Equal(FieldValue.FromString("fraud"), outcome.Label);
        Assert.Equal(EventKind.Prediction, events[2].Kind);
        Assert.NotEqual(first.EventId, events[2].EventId);
    }

    [Fact]
    public async Task Convert_QuotedFieldsAndEmptyCells_KeepCommasAndBecomeMissing()
    {
        var (run, events) = await ConvertAsync(
            "timestamp,city,amount,prediction\n" +
            "2026-11-25T10:00:00Z,\"Paris, \"\"FR\"\"\",,yes\n" +
            "2026-11-25T10:01:00Z,\"multi\nline\",3,no\n");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, events.Count);
        Assert.Equal(FieldValue.FromString("Paris, \"FR\""), events[0].Features.Single(f => f.Name == "city").Value);
        Assert.True(events[0].Features.Single(f => f.Name == "amount").Value.IsNull);
        Assert.Equal(FieldValue.FromString("yes"), events[0].Prediction);
        Assert.Equal(FieldValue.FromString("multi\nline"), events[1].Features.Single(f => f.Name == "city").Value);
        Assert.Equal(FieldValue.FromNumber(3), events[1].Features.Single(f => f.Name == "amount").Value);
    }

    [Fact]
    public async Task Convert_BadTimestampAndShortRow_AreSkippedWithTheirLines()
    {
        var (run, events) = await ConvertAsync(
            "timestamp,amount,prediction\n" +
            "2026-11-25T10:00:00Z,1,0.5\n" +
            "yesterday,2,0.5\n" +
            "2026-11-25T10:02:00Z,3\n" +
            "2026-11-25T10:03:00Z,4,0.5\n");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([1.0, 4.0], events.Select(e => e.Features.Single().Value.Number));
        Assert.Contains("skipped line 3: timestamp 'yesterday'", run.Stderr);
        Assert.Contains("skipped line 4: 2 fields", run.Stderr);
        using var json = JsonDocument.Parse(run.StdoutLine);
        Assert.Equal(2, json.RootElement.GetProperty("skipped").GetInt32());
    }

    [Fact]
    public async Task Convert_MissingTimestampColumn_IsAUsageError()
    {
        var (run, _) = await ConvertAsync("time,amount,prediction\n2026-11-25T10:00:00Z,1,0.5\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--timestamp-column 'timestamp'", run.Stderr);
    }

    [Fact]
    public async Task Convert_NamedColumns_SetIdCallerAndFeatures()
    {
        var (run, events) = await ConvertAsync(
            "ts,id,who,a,b,score\n2026-11-25T10:00:00Z,req-1,tenant-9,1,2,0.3\n",
            "--timestamp-column", "ts", "--id-column", "id", "--caller-column", "who", "--prediction-column", "score", "--feature-columns", "b", "--model-version", "v7");

        Assert.True(run.ExitCode == 0, run.ToString());
        var e = Assert.Single(events);
        Assert.Equal("req-1", e.EventId);
        Assert.Equal("tenant-9", e.CallerId);
        Assert.Equal("v7", e.ModelVersion);
        Assert.Equal("b", Assert.Single(e.Features).Name);
    }
}
