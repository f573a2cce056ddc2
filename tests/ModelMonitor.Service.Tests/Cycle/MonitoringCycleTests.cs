using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;
using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.Cycle;
using ModelMonitor.Service.Notifications;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Configuration;
using ModelMonitor.Storage.Tables;
using ModelMonitor.Service.Tests.Rollbacks;

namespace ModelMonitor.Service.Tests.Cycle;

/// <summary>
/// The cycle on Azurite, in containers and tables of its own (a unique name prefix): an upstream model's NaN burst and
/// its downstream model's drift in the same hour are one incident, and only the upstream pages.
/// </summary>
public sealed class MonitoringCycleTests : IAsyncLifetime
{
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private static readonly DateTimeOffset H0 = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = H0.AddHours(3).AddMinutes(10);
    private const int PerHour = 600;

    private readonly MonitorStorageClients _clients = new(
        new BlobServiceClient(AzuriteFixture.ConnectionString), new TableServiceClient(AzuriteFixture.ConnectionString), "c" + Guid.NewGuid().ToString("N")[..11]);

    private readonly RecordingNotifier _notifier = new();
    private readonly MemoryConfigStore _configs = new();

    public Task InitializeAsync() => _clients.EnsureCreatedAsync();

    public async Task DisposeAsync()
    {
        foreach (var container in new[] { _clients.Windows, _clients.DeadLetters, _clients.References, _clients.CheckResults })
        {
            await container.DeleteIfExistsAsync();
        }

        await _clients.Table(TableAlertSink.TableName).DeleteAsync();
    }

    // embedder: x uniform on 0..9.9 every hour, a third of it NaN in the hour H0+2. pricing: y uniform on 0..99 in H0,
    // moved up by 80 from H0+1 on (against its pinned reference: two drifted hours of three, so it alerts at H0+2).
    private static string Embedder(int hour, int i) => Event("embedder", hour, i, "x", hour == 2 && i % 3 == 0 ? "NaN" : Number((i % 100) / 10.0), string.Empty);

    private static string Pricing(int hour, int i, bool namesUpstream) => Event(
        "pricing", hour, i, "y", Number((i % 100) + (hour >= 1 ? 80 : 0)), namesUpstream ? $",\"upstream\":[{{\"modelId\":\"embedder\",\"eventId\":\"embedder-{hour}-{i}\"}}]" : string.Empty);

    private static string Event(string model, int hour, int i, string feature, string value, string extra) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"schema\":\"prediction/v1\",\"eventId\":\"{model}-{hour}-{i}\",\"modelId\":\"{model}\",\"modelVersion\":\"v1\",\"timestamp\":\"{H0.AddHours(hour).AddSeconds(i * 6):O}\",\"features\":{{\"{feature}\":{value}}},\"prediction\":0.5,\"status\":\"ok\"{extra}}}");

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private async Task IngestAsync(string model, Func<int, int, string> body)
    {
        var pipeline = new IngestPipeline(new BlobWindowStore(_clients.Windows), new BlobDeadLetterStore(_clients.DeadLetters), FiveMinutes);
        var messages = Enumerable.Range(0, 3).SelectMany(hour => Enumerable.Range(0, PerHour).Select(i => body(hour, i)))
            .Select((text, n) => new IncomingMessage(Encoding.UTF8.GetBytes(text), n + 1, Now)).ToList();
        var result = await pipeline.ProcessAsync(model, messages);
        Assert.Equal(messages.Count, result.Folded);
    }

    private async Task PinPricingReferenceAsync()
    {
        var reference = new WindowSummary("pricing", "v1", H0.AddDays(-7), H0.AddDays(-6));
        for (var i = 0; i < 3000; i++)
        {
            reference.Add(new MonitoringEvent
            {
                Kind = EventKind.Prediction, EventId = "r", ModelId = "pricing", ModelVersion = "v1", Timestamp = H0.AddDays(-7),
                Features = [new("y", FieldValue.FromNumber(i % 100))], Prediction = FieldValue.FromNumber(0.5),
            });
        }

        await new ReferenceStore(_clients.References).SaveAsync("pricing", null, reference);
    }

    private async Task ArrangeAsync(bool namesUpstream)
    {
        await IngestAsync("embedder", Embedder);
        await IngestAsync("pricing", (hour, i) => Pricing(hour, i, namesUpstream));
        await PinPricingReferenceAsync();
    }

    private MonitoringCycle Cycle()
    {
        var clock = new FakeTimeProvider(Now);
        var lifecycle = new AlertLifecycle(
            new TableAlertEpisodeStore(_clients.Table(TableAlertSink.TableName)), _notifier, clock, EpisodeOptions.Default, NullLogger<AlertLifecycle>.Instance);
        return new MonitoringCycle(
            _clients.Windows,
            new SummaryReader(_clients.Windows, FiveMinutes),
            new ReferenceStore(_clients.References),
            new CheckResultStore(_clients.CheckResults),
            _configs,
            lifecycle,
            clock,
            new MonitoringCycleOptions { IncludeBaseWindows = false, ChecksLookback = TimeSpan.FromHours(4) });
    }

    private Task<IReadOnlyList<AlertEpisode>> EpisodesAsync(string model) => new TableAlertEpisodeStore(_clients.Table(TableAlertSink.TableName)).ListAsync(model);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task RunAsync_UpstreamNaNBurstAndDownstreamDrift_AreOneIncidentAndOnlyTheUpstreamPages(bool configured, bool learned)
    {
        await ArrangeAsync(namesUpstream: learned);
        if (configured)
        {
            await _configs.PutAsync(ConfigSections.DefaultModel, ConfigSections.Lineage, """{"edges":[{"upstream":"embedder","downstream":"pricing"}]}""");
        }

        var run = await Cycle().RunAsync(CycleStages.All);

        var incident = Assert.Single(run.Incidents.Incidents);
        Assert.True(incident.IsCascade);
        Assert.Equal("embedder", incident.RootModelId);
        var upstream = await EpisodesAsync("embedder");
        var downstream = await EpisodesAsync("pricing");
        var nan = Assert.Single(upstream);
        Assert.Equal((AlertKind.DataQuality, "nan", "x"), (nan.Kind, nan.Subkind, nan.Feature));
        Assert.Null(nan.CauseModelId);
        Assert.Contains(downstream, e => e.Kind == AlertKind.FeatureDrift && e.Feature == "y");
        Assert.All(upstream.Concat(downstream), e => Assert.Equal(incident.Id, e.IncidentId));
        Assert.All(downstream, e => Assert.Equal("embedder", e.CauseModelId));
        Assert.Equal(upstream.Count + downstream.Count, run.Opened.Count);

        // Only the root pages, and its page names the downstream model it likely explains.
        var page = Assert.Single(_notifier.Sent);
        Assert.Equal(("embedder", NotificationCategories.EpisodeOpened), (page.ModelId, page.Category));
        Assert.Contains($"Incident {incident.Id}", page.Text, StringComparison.Ordinal);
        Assert.Contains("pricing (", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoLineageAndAFailingModel_PagesEachModelAndTheOthersStillRun()
    {
        await ArrangeAsync(namesUpstream: false);
        await IngestAsync("broken", (hour, i) => Event("broken", hour, i, "z", Number(i % 10), string.Empty));
        await _clients.References.GetBlobClient(ReferenceStore.BlobName("broken", null)).UploadAsync(BinaryData.FromString("not a summary"), overwrite: true);

        var run = await Cycle().RunAsync(CycleStages.All);

        Assert.Equal(1, run.Statistical!.Failed);
        Assert.Equal(0, run.StagesFailed);
        Assert.Equal(2, run.Incidents.Incidents.Count);
        Assert.DoesNotContain(run.Incidents.Incidents, i => i.IsCascade);
        Assert.All(await EpisodesAsync("pricing"), e => Assert.Null(e.CauseModelId));
        Assert.Equal(["embedder", "pricing"], _notifier.Sent.Select(n => n.ModelId).Distinct().Order());
    }

    [Fact]
    public async Task RunAsync_SameRunAgain_OpensNothingPagesNothingAndKeepsOneIncident()
    {
        await ArrangeAsync(namesUpstream: true);
        var first = await Cycle().RunAsync(CycleStages.All);
        var pages = _notifier.Sent.Count;

        var again = await Cycle().RunAsync(CycleStages.All);

        Assert.NotEmpty(first.Opened);
        Assert.Empty(again.Opened);
        Assert.Equal(pages, _notifier.Sent.Count);
        var ids = (await EpisodesAsync("embedder")).Concat(await EpisodesAsync("pricing")).Select(e => e.IncidentId).Distinct().ToList();
        Assert.Single(ids);
    }
}
