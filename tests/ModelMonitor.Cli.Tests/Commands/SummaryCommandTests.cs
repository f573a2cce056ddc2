using System.Text.Json;
using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class SummaryCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Summary_AfterIngest_ReportsTheDocumentedShapeAndValues()
    {
        var model = azurite.NewModelId();
        var ingest = await CliRun.InvokeAsync("ingest", "--events", await EventLines.WriteFileAsync(SampleFile.Lines(model)), "--source", azurite.NewSourceName());
        Assert.True(ingest.ExitCode == 0, ingest.ToString());

        var run = await CliRun.InvokeAsync("summary", "--model", model, "--from", "2001-01-10T00:00:00Z", "--to", "2001-01-11T00:00:00Z", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(run.Stdout.TrimEnd().Split('\n'));
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(
            ["modelId", "modelVersion", "from", "to", "count", "features", "latencyMs", "status"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(model, root.GetProperty("modelId").GetString());
        Assert.Equal("v1", root.GetProperty("modelVersion").GetString());
        Assert.Equal("2001-01-10T00:00:00Z", root.GetProperty("from").GetString());
        Assert.Equal("2001-01-11T00:00:00Z", root.GetProperty("to").GetString());
        Assert.Equal(SampleFile.Valid, root.GetProperty("count").GetInt64());

        var amount = root.GetProperty("features").GetProperty("amount");
        Assert.Equal(
            ["kind", "count", "missing", "nan", "posInf", "negInf", "min", "max", "mean", "std", "p50", "p95", "p99"],
            amount.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("numeric", amount.GetProperty("kind").GetString());
        Assert.Equal(10, amount.GetProperty("count").GetInt64());
        Assert.Equal(0, amount.GetProperty("missing").GetInt64());
        Assert.Equal(1, amount.GetProperty("nan").GetInt64());
        Assert.Equal(1.0, amount.GetProperty("min").GetDouble());
        Assert.Equal(10.0, amount.GetProperty("max").GetDouble());
        Assert.Equal(5.5, amount.GetProperty("mean").GetDouble(), 12);
        Assert.Equal(Math.Sqrt(8.25), amount.GetProperty("std").GetDouble(), 9);
        Assert.InRange(amount.GetProperty("p50").GetDouble(), 4.0, 7.0);
        Assert.InRange(amount.GetProperty("p95").GetDouble(), 9.0, 10.0);

        var country = root.GetProperty("features").GetProperty("country");
        Assert.Equal(["kind", "count", "missing", "top"], country.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("categorical", country.GetProperty("kind").GetString());
        Assert.Equal(10, country.GetProperty("count").GetInt64());
        Assert.Equal(1, country.GetProperty("missing").GetInt64());
        var top = country.GetProperty("top").EnumerateArray().Select(t => (t.GetProperty("value").GetString(), t.GetProperty("count").GetInt64())).ToList();
        Assert.Equal([("DE", 5L), ("US", 5L)], top);

        var international = root.GetProperty("features").GetProperty("international");
        Assert.Equal("categorical", international.GetProperty("kind").GetString());
        Assert.Equal(1, international.GetProperty("missing").GetInt64());

        var latency = root.GetProperty("latencyMs");
        Assert.Equal(10, latency.GetProperty("count").GetInt64());
        Assert.Equal(1, latency.GetProperty("missing").GetInt64());
        Assert.Equal(10.0, latency.GetProperty("min").GetDouble());
        Assert.Equal(100.0, latency.GetProperty("max").GetDouble());
        Assert.Equal(55.0, latency.GetProperty("mean").GetDouble(), 12);

        var status = root.GetProperty("status");
        Assert.Equal(10, status.GetProperty("ok").GetInt64());
        Assert.Equal(1, status.GetProperty("error").GetInt64());
    }

    [Fact]
    public async Task Summary_TableFormat_PrintsFeatureTables()
    {
        var model = azurite.NewModelId();
        await CliRun.InvokeAsync("ingest", "--events", await EventLines.WriteFileAsync(SampleFile.Lines(model)), "--source", azurite.NewSourceName());

        var run = await CliRun.InvokeAsync("summary", "--model", model, "--version", "v1", "--from", "2001-01-10", "--to", "2001-01-11", "--format", "table");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Numeric features", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("amount", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("DE 5, US 5", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_UnknownModel_ExitsWith3AndSaysSo()
    {
        var run = await CliRun.InvokeAsync("summary", "--model", azurite.NewModelId());

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Contains("no summary", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("--model", "../x")]
    [InlineData("--from", "yesterday-ish")]
    [InlineData("--from", "2001-01-12")]
    [InlineData("--version", "a/b")]
    public async Task Summary_InvalidInput_ExitsWithUsageError(string option, string value)
    {
        string[] args = option == "--model"
            ? ["summary", "--model", value]
            : ["summary", "--model", "some-model", "--to", "2001-01-11", option, value];

        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error:", run.Stderr, StringComparison.Ordinal);
    }
}
