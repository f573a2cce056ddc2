using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ModelMonitor.Cli.Tests.Infrastructure;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Cli.Tests.Report;

/// <summary>
/// A small known dataset in Azurite (each hour's events in its first 5-minute window, so the seed is ~200 blobs): an upstream model (4 days, v2 from the last 12 hours, one caller bursting in the
/// last 3 hours) and a downstream one, hourly check results with a hostile feature name, an incident across both
/// models, an abuse episode naming the burst caller, and a rollback audit.
/// </summary>
internal sealed class ReportSeed
{
    public const string Abuser = "abuser-7";
    public const string HostileFeature = "</script><b id=\"pwned\">x</b>";

    private ReportSeed(string upstream, string downstream, DateTimeOffset start, string incidentId)
    {
        Upstream = upstream;
        Downstream = downstream;
        Start = start;
        IncidentId = incidentId;
    }

    public string Upstream { get; }

    public string Downstream { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End => Start.AddDays(4);

    public string IncidentId { get; }

    public static async Task<ReportSeed> WriteAsync(AzuriteFixture azurite)
    {
        // A random past date keeps runs apart in the shared account; never one ingest would reject as in the future.
        var start = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 20 * 365));
        var seed = new ReportSeed(azurite.NewModelId(), azurite.NewModelId(), start, "inc-" + Guid.NewGuid().ToString("N")[..12]);
        var ingest = await CliRun.InvokeAsync("ingest", "--events", await EventLines.WriteFileAsync(seed.Events()), "--source", azurite.NewSourceName());
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        await seed.WriteCheckResultsAsync();
        await seed.WriteEpisodesAsync();
        await seed.WriteRollbackAsync();
        return seed;
    }

    public async Task DeleteAsync()
    {
        var service = new BlobServiceClient(AzuriteFixture.ConnectionString);
        var results = service.GetBlobContainerClient(BlobNames.CheckResultsContainer);
        foreach (var model in new[] { Upstream, Downstream })
        {
            await foreach (var blob in results.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"1h/{model}/" }))
            {
                await results.DeleteBlobIfExistsAsync(blob.Name);
            }
        }

        var tables = new TableServiceClient(AzuriteFixture.ConnectionString);
        foreach (var (table, partition) in new[] { (TableAlertSink.TableName, Upstream), (TableAlertSink.TableName, Downstream), (TableRollbackAuditStore.TableName, TableRollbackAuditStore.PartitionKey(Upstream)) })
        {
            var client = tables.GetTableClient(table);
            await foreach (var entity in client.QueryAsync<TableEntity>(e => e.PartitionKey == partition))
            {
                await client.DeleteEntityAsync(entity.PartitionKey, entity.RowKey);
            }
        }
    }

    private IEnumerable<string> Events()
    {
        var n = 0;
        for (var hour = 0; hour < 96; hour++)
        {
            var at = Start.AddHours(hour);
            var version = hour < 84 ? "v1" : "v2";
            for (var i = 0; i < 30; i++)
            {
                var status = version == "v2" && i % 5 == 0 ? "error" : "ok";
                var latency = (version == "v1" ? 20 : 60) + (i % 10);
                yield return Line(Upstream, version, $"u{n++}", at.AddSeconds(i * 5), $"c{i % 4}", latency, status);
            }

            if (hour >= 93)
            {
                for (var i = 0; i < 150; i++)
                {
                    yield return Line(Upstream, version, $"u{n++}", at.AddSeconds(i), Abuser, 25, "ok");
                }
            }

            if (hour >= 84)
            {
                for (var i = 0; i < 20; i++)
                {
                    yield return Line(Downstream, "v1", $"d{n++}", at.AddSeconds(i * 7), "c0", 15, "ok");
                }
            }
        }
    }

    private static string Line(string model, string version, string id, DateTimeOffset at, string caller, int latency, string status) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"schema":"prediction/v1","eventId":"{{id}}","modelId":"{{model}}","modelVersion":"{{version}}","timestamp":"{{EventLines.Time(at)}}","features":{"amount":{{latency % 7}}},"prediction":0.4,"callerId":"{{caller}}","latencyMs":{{latency}},"status":"{{status}}"}""");

    private async Task WriteCheckResultsAsync()
    {
        var store = new CheckResultStore(new BlobServiceClient(AzuriteFixture.ConnectionString).GetBlobContainerClient(BlobNames.CheckResultsContainer));
        await new BlobServiceClient(AzuriteFixture.ConnectionString).GetBlobContainerClient(BlobNames.CheckResultsContainer).CreateIfNotExistsAsync();
        for (var k = 0; k < 6; k++)
        {
            var window = Start.AddHours(90 + k);
            // Labels arrive late: only the first three windows have any by now.
            var quality = k < 3 ? $$"""{"labelledCount":{{40 + k}},"classification":{"accuracy":{{0.9 - (k * 0.05)}},"macroF1":{{0.85 - (k * 0.05)}}},"calibration":null,"regression":null,"clickThrough":null}"""
                : """{"labelledCount":0,"classification":null,"calibration":null,"regression":null,"clickThrough":null}""";
            await WriteAsync(store, Upstream, "v2", window, string.Create(CultureInfo.InvariantCulture, $$"""
                {"modelId":"{{Upstream}}","modelVersion":"v2","windowStart":"{{EventLines.Time(window)}}",
                 "drift":{"features":[
                   {"name":"amount","method":"ks","threshold":0.05,"score":{{0.4 / (k + 1)}},"drifted":{{(k >= 3 ? "true" : "false")}}},
                   {"name":{{System.Text.Json.JsonSerializer.Serialize(HostileFeature)}},"method":"psi","threshold":0.2,"score":{{0.05 * k}},"drifted":false}],
                  "driftedShare":0.5,"datasetDrifted":false},
                 "predictionDrift":{"name":"prediction","method":"psi","threshold":0.2,"score":{{0.1 + (0.03 * k)}},"drifted":false},
                 "modelQuality":{"reference":null,"current":{{quality}},"findings":[]},"alerts":[]}
                """));
        }

        var last = Start.AddHours(95);
        await WriteAsync(store, Downstream, "v1", last, """{"predictionDrift":{"name":"prediction","method":"psi","threshold":0.2,"score":0.31,"drifted":true},"drift":{"features":[]}}""");
    }

    private static Task WriteAsync(CheckResultStore store, string model, string version, DateTimeOffset window, string json) =>
        store.WriteAsync(CheckResultStore.BlobName("1h", model, version, window), System.Text.Encoding.UTF8.GetBytes(json), "seed");

    private async Task WriteEpisodesAsync()
    {
        var store = new TableAlertEpisodeStore(new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient(TableAlertSink.TableName));
        Assert.True(await store.TryWriteAsync(Episode(Upstream, "v2", AlertKind.FeatureDrift, "amount", 93, Severity.Warning) with { IncidentId = IncidentId }, null));
        Assert.True(await store.TryWriteAsync(Episode(Downstream, "v1", AlertKind.PredictionDrift, null, 94, Severity.Warning) with { IncidentId = IncidentId, CauseModelId = Upstream }, null));
        Assert.True(await store.TryWriteAsync(Episode(Upstream, "*", AlertKind.Abuse, Abuser, 94, Severity.Critical) with { Subkind = "rate" }, null));
    }

    private AlertEpisode Episode(string model, string version, string kind, string? feature, int hour, Severity severity) => new()
    {
        ConditionKey = $"{kind}||{model}|{version}|{feature}",
        Number = 1,
        Kind = kind,
        ModelId = model,
        ModelVersion = version,
        Feature = feature,
        State = EpisodeState.Firing,
        Severity = severity,
        PeakSeverity = severity,
        Occurrences = 2,
        FirstSeen = Start.AddHours(hour),
        LastSeen = Start.AddHours(hour + 2),
        LatestWindowStart = Start.AddHours(hour + 1),
        LatestWindowEnd = Start.AddHours(hour + 2),
        Evidence = new Dictionary<string, double?> { ["score"] = 0.1 },
        Message = $"{kind} on {model}",
    };

    private async Task WriteRollbackAsync()
    {
        var store = new TableRollbackAuditStore(new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient(TableRollbackAuditStore.TableName));
        string At(int minutes) => EventLines.Time(Start.AddHours(95).AddMinutes(minutes));
        await store.WriteAsync(new RollbackAuditRecord(
            "rb-" + Upstream, Upstream, "scoring-app", "staging", "oncall@example.com", "error rate of v2", null, false, "v2", "v1", "errorRate=0.2", "completed",
            Start.AddHours(95).AddMinutes(5),
            [
                new RollbackAuditStep("probe-standby", "succeeded", At(1), "golden examples match"),
                new RollbackAuditStep("swap", "succeeded", At(3), "staging ↔ production"),
                new RollbackAuditStep("verify-version", "succeeded", At(4), "production serves v1"),
            ]));
    }
}
