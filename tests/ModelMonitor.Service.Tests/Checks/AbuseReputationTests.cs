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

public class AbuseReputationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Start.AddDays(3).AddHours(14).AddMinutes(10);
    private static readonly DateTimeOffset Judged = Start.AddDays(3).AddHours(13);

    // Rate and quota both fire for the abuser: two penalties of 0.5 take it to 0.25, below the flag at 0.3.
    private static readonly AbusePolicy Policy = new(quotaPerHour: 300);

    [Fact]
    public async Task RunAsync_AbuserFiringTwoRules_IsPersistedLowAndFlaggedOnceAndARerunDoesNotPenalizeAgain()
    {
        var (windows, alertTable, reputations) = await NewStorageAsync();
        for (var day = 0; day <= 3; day++)
        {
            var hour = Start.AddDays(day).AddHours(13);
            await UploadAsync(windows, Hour(hour, abuserRequests: hour == Judged ? 600 : 60));
        }

        var first = await Runner(windows, alertTable, reputations, Now).RunAsync();
        var second = await Runner(windows, alertTable, reputations, Now).RunAsync();

        Assert.Equal(3, first.AlertsRaised);
        Assert.Equal(0, second.AlertsRaised);
        Assert.Equal(new CallerReputation("abuser", 0.25, Judged.AddHours(1)), await reputations.GetAsync("fraud", "abuser"));
        var flagged = await AlertsAsync(alertTable, AbuseSubkind.Reputation);
        Assert.Equal("abuser", Assert.Single(flagged).GetString("Feature"));

        // Neutral callers are not written, and events without a caller have no row at all.
        Assert.Equal(["abuser"], await CallersAsync(reputations));
    }

    [Fact]
    public async Task RunAsync_CleanHourADayLater_DecaysTheScoreBackAboveTheFlagWithoutAnAlert()
    {
        var (windows, alertTable, reputations) = await NewStorageAsync();
        for (var day = 0; day <= 4; day++)
        {
            var hour = Start.AddDays(day).AddHours(13);
            await UploadAsync(windows, Hour(hour, abuserRequests: hour == Judged ? 600 : 60));
        }

        await Runner(windows, alertTable, reputations, Now).RunAsync();
        var later = await Runner(windows, alertTable, reputations, Now.AddDays(1)).RunAsync();

        // 24 h is one half-life: the distance to neutral halves from 0.75 to 0.375.
        Assert.Equal(0, later.AlertsRaised);
        var reputation = await reputations.GetAsync("fraud", "abuser");
        Assert.Equal(0.625, reputation!.Score, 9);
        Assert.Equal(Judged.AddDays(1).AddHours(1), reputation.UpdatedAt);
    }

    private static AbuseCheckRunner Runner(BlobContainerClient windows, TableClient alertTable, IReputationStore reputations, DateTimeOffset now) => new(
        new SummaryReader(windows, FiveMinutes),
        Policy,
        new TableAlertSink(alertTable),
        new FakeTimeProvider(now),
        NullLogger<AbuseCheckRunner>.Instance,
        historyDays: 5,
        reputations: new CallerReputationUpdater(reputations, ReputationPolicy.Default));

    private async Task<(BlobContainerClient Windows, TableClient Alerts, TableReputationStore Reputations)> NewStorageAsync()
    {
        var tables = new TableServiceClient(AzuriteFixture.ConnectionString);
        return (await azurite.NewContainerAsync("w"), tables.GetTableClient($"t{Guid.NewGuid():N}"[..20]), new TableReputationStore(tables.GetTableClient($"rep{Guid.NewGuid():N}"[..24])));
    }

    private static async Task<List<TableEntity>> AlertsAsync(TableClient table, string subkind)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            if (row.GetString("Subkind") == subkind)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static async Task<List<string>> CallersAsync(IReputationStore store)
    {
        var callers = new List<string>();
        await foreach (var reputation in store.ListAsync("fraud"))
        {
            callers.Add(reputation.CallerId);
        }

        return callers;
    }

    private static WindowSummary Hour(DateTimeOffset hour, int abuserRequests)
    {
        var summary = new WindowSummary("fraud", "1", hour, hour + FiveMinutes.Length);
        var callers = Enumerable.Range(0, 12).Select(i => ((string?)$"c{i}", 55 + i)).Append(("abuser", abuserRequests)).Append((null, 200));
        foreach (var (caller, n) in callers)
        {
            for (var i = 0; i < n; i++)
            {
                summary.Add(new MonitoringEvent { Kind = EventKind.Prediction, EventId = "e", ModelId = "fraud", ModelVersion = "1", Timestamp = hour, CallerId = caller, Status = "ok" });
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
