using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Operations;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Summaries.Serialization;
using ModelMonitor.Core.Windows;
using ModelMonitor.Service.Checks;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Service.Tests.Checks;

public class OperationalCheckRunnerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private const int Days = 4;

    // Now: day 3, 14:10 (three earlier days: enough for the day-based baseline). Hour 12:00 onwards is silent for the models that stop.
    private static readonly DateTimeOffset Now = Start.AddDays(3).AddHours(14).AddMinutes(10);
    private static readonly DateTimeOffset SilentFrom = Start.AddDays(3).AddHours(12);

    private static WindowSummary Hour(string model, DateTimeOffset hour)
    {
        // A daily cycle: 20 requests an hour at night, 80 in the afternoon; every 50th request fails.
        int n = 20 + (int)(60 * Math.Max(0, Math.Sin(Math.PI * (hour.Hour - 6) / 16.0)));
        var summary = new WindowSummary(model, "1", hour, hour + FiveMinutes.Length);
        for (var i = 0; i < n; i++)
        {
            summary.Add(new MonitoringEvent
            {
                Kind = EventKind.Prediction, EventId = "e", ModelId = model, ModelVersion = "1", Timestamp = hour,
                LatencyMs = 20 + (i % 7), CpuMs = 3, MemoryMb = 200, Status = i % 50 == 0 ? "500" : "ok",
            });
        }

        return summary;
    }

    private static async Task WriteModelAsync(BlobContainerClient windows, string model, DateTimeOffset until)
    {
        var uploads = new List<Task>();
        for (var hour = Start; hour < until; hour = hour.AddHours(1))
        {
            var name = BlobNames.PartitionWindow(new WindowKey(model, "1", FiveMinutes, hour), "0");
            uploads.Add(windows.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(WindowSummarySerializer.Serialize(Hour(model, hour))), overwrite: true));
            if (uploads.Count == 32)
            {
                await Task.WhenAll(uploads);
                uploads.Clear();
            }
        }

        await Task.WhenAll(uploads);
    }

    private async Task<(BlobContainerClient Windows, TableClient Alerts)> StorageAsync()
    {
        var windows = await azurite.NewContainerAsync("w");
        var alerts = new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient($"t{Guid.NewGuid():N}"[..20]);
        return (windows, alerts);
    }

    private static OperationalCheckRunner Runner(BlobContainerClient windows, TableClient alerts, IOperationalPolicySource policies) =>
        new(new SummaryReader(windows, FiveMinutes), policies, new TableAlertSink(alerts), new FakeTimeProvider(Now), NullLogger<OperationalCheckRunner>.Instance, historyDays: Days);

    [Fact]
    public async Task RunAsync_SilentModel_RaisesSilenceOnceWhileServingAndRetiredModelsStayQuiet()
    {
        var (windows, alerts) = await StorageAsync();
        await WriteModelAsync(windows, "serving", Now);
        await WriteModelAsync(windows, "stopped", SilentFrom);
        await WriteModelAsync(windows, "retired", SilentFrom);
        var policies = new FixedOperationalPolicySource(OperationalPolicy.Default, new Dictionary<string, OperationalPolicy> { ["retired"] = new(retired: true) });
        var runner = Runner(windows, alerts, policies);

        var first = await runner.RunAsync();
        var second = await runner.RunAsync();

        Assert.Equal(new OperationalRunResult(3, 1, 0), first);
        Assert.Equal(new OperationalRunResult(3, 0, 0), second);
        var stored = await alerts.QueryAsync<TableEntity>().ToListAsync();
        var alert = Assert.Single(stored);
        Assert.Equal("stopped", alert.PartitionKey);
        Assert.Equal("usage-swing", (string)alert["Kind"]);
        Assert.Equal("silence", (string)alert["Subkind"]);
    }

    [Fact]
    public async Task RunAsync_RetiredInThePolicyStore_RaisesNothingForThatModel()
    {
        var (windows, alerts) = await StorageAsync();
        await WriteModelAsync(windows, "stopped", SilentFrom);
        var table = new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient($"c{Guid.NewGuid():N}"[..20]);
        await table.CreateIfNotExistsAsync();
        var store = new TableModelConfigStore(table);
        var source = new ConfigStoreOperationalPolicySource(store, NullLogger<ConfigStoreOperationalPolicySource>.Instance);
        var runner = Runner(windows, alerts, source);
        await store.PutAsync("stopped", ConfigSections.Checks, """{"operational":{"retired":true}}""");

        var retired = await runner.RunAsync();
        await store.PutAsync("stopped", ConfigSections.Checks, """{"operational":{"retired":false}}""");
        var active = await runner.RunAsync();

        Assert.Equal(new OperationalRunResult(1, 0, 0), retired);
        Assert.Equal(new OperationalRunResult(1, 1, 0), active);
    }

    [Fact]
    public async Task GetAsync_InvalidOperationalMember_FallsBackToDefaults()
    {
        var table = new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient($"c{Guid.NewGuid():N}"[..20]);
        await table.CreateIfNotExistsAsync();
        var store = new TableModelConfigStore(table);
        await store.PutAsync("m", ConfigSections.Checks, """{"operational":{"silence":{"alpha":7}}}""");
        await store.PutAsync(ConfigSections.DefaultModel, ConfigSections.Checks, """{"operational":{"retired":true}}""");
        var source = new ConfigStoreOperationalPolicySource(store, NullLogger<ConfigStoreOperationalPolicySource>.Instance);

        var invalid = await source.GetAsync("m");
        var inherited = await source.GetAsync("other");

        Assert.Same(OperationalPolicy.Default, invalid);
        Assert.True(inherited.Retired);
    }
}
