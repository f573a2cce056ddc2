using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Commands;

/// <summary>
/// <c>modelmonitor replay</c> on Azurite, each test in containers and tables of its own (<c>--name-prefix</c>), so
/// nothing else in the account is checked or reported.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReplayCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2001, 3, 5, 0, 0, 0, TimeSpan.Zero);
    private const int Hours = 4;
    private const int PerHour = 300;
    private const int NanHour = 2;
    private readonly string _prefix = "r" + Guid.NewGuid().ToString("N")[..11];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var blobs = new BlobServiceClient(AzuriteFixture.ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: _prefix))
        {
            await blobs.DeleteBlobContainerAsync(container.Name);
        }

        var tables = new TableServiceClient(AzuriteFixture.ConnectionString);
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(_prefix) >= 0 && t.Name.CompareTo(_prefix + "~") < 0))
        {
            await tables.DeleteTableAsync(table.Name);
        }
    }

    // Two models, pricing consuming embedder (named in its events' upstream field); every hour the same values, so a
    // clean hour never drifts from the hour before. With nanHour, a third of both models' values are NaN in that hour.
    private static async Task<string> WriteStreamAsync(int? nanHour)
    {
        var lines = new List<string>();
        for (var hour = 0; hour < Hours; hour++)
        {
            for (var i = 0; i < PerHour; i++)
            {
                var time = EventLines.Time(Start.AddHours(hour).AddSeconds(i * 12));
                var nan = hour == nanHour && i % 3 == 0;
                var x = (i % 100) / 10.0;
                lines.Add(Line("embedder", $"e-{hour}-{i}", time, "x", nan ? "NaN" : Number(x), $",\"callerId\":\"c{i % 20}\""));
                lines.Add(Line("pricing", $"p-{hour}-{i}", time, "y", nan ? "NaN" : Number(x * 2), $",\"callerId\":\"c{i % 20}\",\"upstream\":[{{\"modelId\":\"embedder\",\"eventId\":\"e-{hour}-{i}\"}}]"));
            }
        }

        // Newest first: the replay orders by event time itself.
        lines.Reverse();
        return await EventLines.WriteFileAsync(lines, $"stream-{Guid.NewGuid():N}.jsonl");
    }

    private static string Line(string model, string id, string time, string feature, string value, string extra) =>
        $$"""{"schema":"prediction/v1","eventId":"{{id}}","modelId":"{{model}}","modelVersion":"v1","timestamp":"{{time}}","features":{"{{feature}}":{{value}}},"prediction":0.5,"latencyMs":25,"status":"ok"{{extra}}}""";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static List<JsonDocument> Lines(CliRun run) =>
        [.. run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l))];

    [Fact]
    public async Task Replay_InjectedNaNBurstUpAndDownstream_PrintsTheTwoEpisodesAsOneIncidentThenTheCounts()
    {
        var file = await WriteStreamAsync(NanHour);

        var run = await CliRun.InvokeAsync("replay", "--events", file, "--name-prefix", _prefix, "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = Lines(run);
        Assert.Equal(3, lines.Count);
        var episodes = lines.Take(2).Select(l => l.RootElement).OrderBy(e => e.GetProperty("modelId").GetString(), StringComparer.Ordinal).ToList();
        foreach (var (episode, model, feature) in new[] { (episodes[0], "embedder", "x"), (episodes[1], "pricing", "y") })
        {
            Assert.Equal(
                ["kind", "subkind", "modelId", "modelVersion", "feature", "callerId", "severity", "windowStart", "windowEnd", "evidence", "incidentId"],
                episode.EnumerateObject().Select(p => p.Name));
            Assert.Equal("data-quality", episode.GetProperty("kind").GetString());
            Assert.Equal("nan", episode.GetProperty("subkind").GetString());
            Assert.Equal(model, episode.GetProperty("modelId").GetString());
            Assert.Equal("v1", episode.GetProperty("modelVersion").GetString());
            Assert.Equal(feature, episode.GetProperty("feature").GetString());
            Assert.Equal(JsonValueKind.Null, episode.GetProperty("callerId").ValueKind);
            Assert.Equal("critical", episode.GetProperty("severity").GetString());
            Assert.Equal("2001-03-05T02:00:00Z", episode.GetProperty("windowStart").GetString());
            Assert.Equal("2001-03-05T03:00:00Z", episode.GetProperty("windowEnd").GetString());
            Assert.Equal(PerHour / 3, episode.GetProperty("evidence").GetProperty("count").GetDouble());
            Assert.Equal(0, episode.GetProperty("evidence").GetProperty("referenceCount").GetDouble());
        }

        // Learned from the upstream field: one incident, the embedder its root.
        var incident = episodes[0].GetProperty("incidentId").GetString();
        Assert.StartsWith("inc-", incident, StringComparison.Ordinal);
        Assert.Equal(incident, episodes[1].GetProperty("incidentId").GetString());

        var counts = lines[2].RootElement;
        Assert.Equal(2, counts.GetProperty("counts").GetProperty("data-quality").GetInt32());
        Assert.All(counts.GetProperty("counts").EnumerateObject().Where(p => p.Name != "data-quality"), p => Assert.Equal(0, p.Value.GetInt32()));
        Assert.Equal(11, counts.GetProperty("counts").EnumerateObject().Count());
        Assert.Equal((2, 1, 1), (counts.GetProperty("episodes").GetInt32(), counts.GetProperty("incidents").GetInt32(), counts.GetProperty("cascades").GetInt32()));
    }

    [Fact]
    public async Task Replay_CleanStream_PrintsOnlyZeroCounts()
    {
        var file = await WriteStreamAsync(nanHour: null);

        var run = await CliRun.InvokeAsync("replay", "--events", file, "--name-prefix", _prefix, "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var only = Assert.Single(Lines(run)).RootElement;
        Assert.All(only.GetProperty("counts").EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));
        Assert.Equal(0, only.GetProperty("episodes").GetInt32());
        Assert.Contains($"{2 * Hours * PerHour} folded", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WithReport_WritesTheReplayedModelsAndTheirIncident()
    {
        var file = await WriteStreamAsync(NanHour);
        var report = Path.Combine(Path.GetTempPath(), $"replay-report-{Guid.NewGuid():N}.html");

        try
        {
            var run = await CliRun.InvokeAsync("replay", "--events", file, "--name-prefix", _prefix, "--report", report, "--format", "json");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("(2 model(s), 1 incident(s))", run.Stderr, StringComparison.Ordinal);
            var html = await File.ReadAllTextAsync(report);
            var start = html.IndexOf("<script type=\"application/json\" id=\"report-data\">", StringComparison.Ordinal);
            Assert.True(start >= 0, "the report has no data blob");
            start = html.IndexOf('>', start) + 1;
            using var data = JsonDocument.Parse(html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)]);
            var models = data.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("modelId").GetString()).ToList();
            Assert.Equal(["embedder", "pricing"], models);
            var incident = Assert.Single(data.RootElement.GetProperty("incidents").EnumerateArray());
            Assert.Equal(2, incident.GetProperty("episodes").GetArrayLength());
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public async Task Replay_EmptyReportPath_ExitsWithUsage()
    {
        var file = await EventLines.WriteFileAsync([Line("m", "e1", EventLines.Time(Start), "x", "1", string.Empty)]);

        var run = await CliRun.InvokeAsync("replay", "--events", file, "--name-prefix", _prefix, "--report", string.Empty);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--report", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--name-prefix", "Bad_Prefix")]
    [InlineData("--events")]
    public async Task Replay_BadArguments_ExitWithUsage(params string[] extra)
    {
        var file = await EventLines.WriteFileAsync([Line("m", "e1", EventLines.Time(Start), "x", "1", string.Empty)]);
        string[] args = extra is ["--events"] ? ["replay", "--events"] : ["replay", "--events", file, .. extra];

        var run = await CliRun.InvokeAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Theory]
    [InlineData("""{"*":{"alerts":{}}}""", "$.*.alerts: unknown section")]
    [InlineData("""{"*":{"lineage":{"edges":[{"upstream":"a"}]}}}""", "$.edges[0].downstream: required")]
    [InlineData("""{"fraud":{"checks":{"persistance":{}}}}""", "$.fraud.checks")]
    public async Task Replay_InvalidPolicy_ExitsWithUsageNamingThePath(string policy, string expected)
    {
        var file = await EventLines.WriteFileAsync([Line("m", "e1", EventLines.Time(Start), "x", "1", string.Empty)]);
        var config = await EventLines.WriteFileAsync([policy], "policy.json");

        var run = await CliRun.InvokeAsync("replay", "--events", file, "--config", config, "--name-prefix", _prefix);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }
}
