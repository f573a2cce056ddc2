using System.Text.Json;
using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class DemoCommandTests
{
    private static readonly string[] SmallDemo =
        ["demo", "--days", "1", "--events-per-hour", "60", "--models", "fraud", "--seed", "7", "--start", "2000-01-01", "--report", Path.Combine(Path.GetTempPath(), "modelmonitor-demo-test-report.html")];

    [Fact]
    public async Task Demo_SmallConfiguration_CompletesAndPrintsOneTotalsLine()
    {
        // A fixed start far in the past keeps this run's windows apart from real demo runs; re-runs are idempotent.
        var run = await CliRun.InvokeAsync(SmallDemo);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(run.Stdout.TrimEnd().Split('\n'));
        using var json = JsonDocument.Parse(run.Stdout);
        var totals = json.RootElement;
        Assert.Equal("2000-01-01T00:00:00Z", totals.GetProperty("start").GetString());
        Assert.Equal("2000-01-02T00:00:00Z", totals.GetProperty("end").GetString());
        Assert.Equal(["fraud"], totals.GetProperty("models").EnumerateArray().Select(m => m.GetString()!).ToArray());
        var received = totals.GetProperty("received").GetInt64();
        var deadLettered = totals.GetProperty("deadLettered").GetInt64();
        Assert.InRange(received, 1_000, 5_000);
        Assert.Equal(8, deadLettered);
        Assert.Equal(received, totals.GetProperty("folded").GetInt64() + totals.GetProperty("skippedDuplicates").GetInt64() + deadLettered);
        Assert.Contains("fraud", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Dead letters (8)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("oversized", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("modelId '../x'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_RunTwice_SecondRunFoldsNothingAndReportsSkippedDuplicates()
    {
        var first = await CliRun.InvokeAsync(SmallDemo);

        var second = await CliRun.InvokeAsync(SmallDemo);

        Assert.True(second.ExitCode == 0, second.ToString());
        using var before = JsonDocument.Parse(first.Stdout);
        using var after = JsonDocument.Parse(second.Stdout);
        var received = after.RootElement.GetProperty("received").GetInt64();
        Assert.Equal(before.RootElement.GetProperty("received").GetInt64(), received);
        Assert.Equal(0, after.RootElement.GetProperty("folded").GetInt64());
        Assert.Equal(received - 8, after.RootElement.GetProperty("skippedDuplicates").GetInt64());
        Assert.Equal(0, after.RootElement.GetProperty("rollupsWritten").GetInt64());
    }

    [Fact]
    public async Task Demo_UnknownModel_ExitsWithUsageError()
    {
        var run = await CliRun.InvokeAsync("demo", "--models", "fraud,weather");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--models", run.Stderr, StringComparison.Ordinal);
    }
}
