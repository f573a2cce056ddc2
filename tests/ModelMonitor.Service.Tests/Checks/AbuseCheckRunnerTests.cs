using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Summaries.Serialization;
using ModelMonitor.Core.Windows;
using ModelMonitor.Service.Checks;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Service.Tests.Checks;

public class AbuseCheckRunnerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    // Now: day 3, 14:10; the judged hour is 13:00, compared with 13:00 on days 0–2.
    private static readonly DateTimeOffset Now = Start.AddDays(3).AddHours(14).AddMinutes(10);
    private static readonly DateTimeOffset Judged = Start.AddDays(3).AddHours(13);

    [Fact]
    public async Task RunAsync_CallerAtTenTimesItsRate_RaisesOneAbuseAlertNamingItAndARerunRaisesNothingNew()
    {
        var windows = await azurite.NewContainerAsync("w");
        var table = new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient($"t{Guid.NewGuid():N}"[..20]);
        for (var day = 0; day <= 3; day++)
        {
            var hour = Start.AddDays(day).AddHours(13);
            await UploadAsync(windows, Hour("fraud", hour, abuserRequests: hour == Judged ? 600 : 60));
        }

        var results = new List<AbuseCheckResult>();
        var runner = new AbuseCheckRunner(
            new SummaryReader(windows, FiveMinutes),
            AbusePolicy.Default,
            new TableAlertSink(table),
            new FakeTimeProvider(Now),
            NullLogger<AbuseCheckRunner>.Instance,
            historyDays: 4,
            evaluated: (_, result) => results.Add(result));

        var first = await runner.RunAsync();
        var second = await runner.RunAsync();

        Assert.Equal(1, first.ModelsEvaluated);
        Assert.Equal(1, first.AlertsRaised);
        Assert.Equal(0, second.AlertsRaised);
        var alert = Assert.Single(results[0].Alerts);
        Assert.Equal(AlertKind.Abuse, alert.Kind);
        Assert.Equal("abuser", alert.Feature);
        Assert.Equal(600, alert.Evidence["requests"]);
        Assert.Equal(60, alert.Evidence["baseline"]);
    }

    private static WindowSummary Hour(string model, DateTimeOffset hour, int abuserRequests)
    {
        var summary = new WindowSummary(model, "1", hour, hour + FiveMinutes.Length);
        var callers = Enumerable.Range(0, 12).Select(i => ($"c{i}", 55 + i)).Append(("abuser", abuserRequests));
        foreach (var (caller, n) in callers)
        {
            for (var i = 0; i < n; i++)
            {
                summary.Add(new MonitoringEvent { Kind = EventKind.Prediction, EventId = "e", ModelId = model, ModelVersion = "1", Timestamp = hour, CallerId = caller, Status = "ok" });
            }
        }

        return summary;
    }

    private static Task UploadAsync(BlobContainerClient windows, WindowSummary summary)
    {
        var name = BlobNames.PartitionWindow(new WindowKey(summary.ModelId, summary.ModelVersion, FiveMinutes, summary.WindowStart), "0");
        return windows.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(WindowSummarySerializer.Serialize(summary)), overwrite: true);
    }
}
