using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Commands;

/// <summary>
/// README's bring-your-own-data path end to end on Azurite, in containers and tables of its own: a predictions log in
/// CSV is converted, a training CSV becomes the reference, and the replay finds the drift the log holds and writes the
/// report.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BringYourOwnDataTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2001, 4, 2, 0, 0, 0, TimeSpan.Zero);
    private const int Hours = 6;
    private const int RowsPerHour = 240;
    private const int FirstShiftedHour = 3;
    private readonly string _prefix = "b" + Guid.NewGuid().ToString("N")[..11];
    private readonly string _model = "byo" + Guid.NewGuid().ToString("N")[..8];

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

    // A spread of amounts around 50 (a fixed low-discrepancy sequence, so the test needs no seed) and three countries.
    private static double Amount(int i) => 50 + (30 * (((i * 0.618034) % 1.0) - 0.5));

    private static string Country(int i) => (i % 3) switch { 0 => "DE", 1 => "FR", _ => "NL" };

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ConvertReferenceBuildReplay_ShiftedAmountInTheLog_OpensAmountDriftAndWritesTheReport()
    {
        var training = new StringBuilder("amount,country,score,label\n");
        for (var i = 0; i < 2000; i++)
        {
            training.Append(CultureInfo.InvariantCulture, $"{Number(Amount(i))},{Country(i)},0.2,{(i % 10 == 0 ? "1" : "0")}\n");
        }

        var log = new StringBuilder("timestamp,amount,country,score\n");
        for (var hour = 0; hour < Hours; hour++)
        {
            for (var i = 0; i < RowsPerHour; i++)
            {
                var shift = hour >= FirstShiftedHour ? 25 : 0;
                log.Append(CultureInfo.InvariantCulture, $"{EventLines.Time(Start.AddHours(hour).AddSeconds(i * 15))},{Number(Amount((hour * RowsPerHour) + i) + shift)},{Country(i)},0.2\n");
            }
        }

        var trainingFile = await EventLines.WriteFileAsync([training.ToString().TrimEnd('\n')], "training.csv");
        var logFile = await EventLines.WriteFileAsync([log.ToString().TrimEnd('\n')], "predictions.csv");
        var events = Path.Combine(Path.GetDirectoryName(logFile)!, "events.jsonl");
        var report = Path.Combine(Path.GetDirectoryName(logFile)!, "report.html");

        var convert = await CliRun.InvokeAsync("convert", "--input", logFile, "--out", events, "--model", _model, "--prediction-column", "score");
        Assert.True(convert.ExitCode == 0, convert.ToString());
        var reference = await CliRun.InvokeAsync(
            "reference", "build", "--model", _model, "--input", trainingFile, "--prediction-column", "score", "--label-column", "label", "--name-prefix", _prefix);
        Assert.True(reference.ExitCode == 0, reference.ToString());
        var replay = await CliRun.InvokeAsync("replay", "--events", events, "--name-prefix", _prefix, "--report", report, "--format", "json");

        Assert.True(replay.ExitCode == 0, replay.ToString());
        var lines = replay.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var episodes = lines.Where(l => l.TryGetProperty("kind", out _)).ToList();
        var drifts = episodes.Where(e => e.GetProperty("kind").GetString() == "feature-drift").ToList();
        Assert.True(drifts.Count == 1, replay.ToString());
        var drift = drifts[0];
        Assert.Equal("amount", drift.GetProperty("feature").GetString());
        Assert.Equal(_model, drift.GetProperty("modelId").GetString());
        Assert.True(
            DateTimeOffset.Parse(drift.GetProperty("windowStart").GetString()!, CultureInfo.InvariantCulture) >= Start.AddHours(FirstShiftedHour),
            $"drift reported before the shift: {drift}");
        Assert.DoesNotContain(episodes, e => e.GetProperty("feature").GetString() == "country");
        Assert.Contains("(1 model(s),", replay.Stderr, StringComparison.Ordinal);
        Assert.Contains($"\"modelId\":\"{_model}\"", await File.ReadAllTextAsync(report), StringComparison.Ordinal);

        // Every table the path wrote is the isolated set's: nothing of this model in the account's own alerts table.
        var tables = new TableServiceClient(AzuriteFixture.ConnectionString);
        Assert.NotEmpty(await tables.GetTableClient(_prefix + "alerts").QueryAsync<TableEntity>(e => e.PartitionKey == _model).ToListAsync());
        var shared = tables.GetTableClient("alerts");
        await shared.CreateIfNotExistsAsync();
        Assert.Empty(await shared.QueryAsync<TableEntity>(e => e.PartitionKey == _model).ToListAsync());
    }

    [Fact]
    public async Task ReferenceBuild_BadNamePrefix_ExitsWithUsage()
    {
        var trainingFile = await EventLines.WriteFileAsync(["amount\n1\n2"], "training.csv");

        var run = await CliRun.InvokeAsync("reference", "build", "--model", "m", "--input", trainingFile, "--name-prefix", "Bad_Prefix");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--name-prefix", run.Stderr, StringComparison.Ordinal);
    }
}
