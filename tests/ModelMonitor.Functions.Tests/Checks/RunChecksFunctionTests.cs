using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Recommenders;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Summaries.Serialization;
using ModelMonitor.Core.Windows;
using ModelMonitor.Functions.Checks;
using ModelMonitor.Functions.Hosting;
using ModelMonitor.Service.Cycle;
using ModelMonitor.Service.Notifications;
using Microsoft.Azure.Functions.Worker;
using ModelMonitor.Storage.Configuration;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Tables;
using ModelMonitor.Functions.Tests.TestDoubles;

namespace ModelMonitor.Functions.Tests.Checks;

/// <summary>
/// The <c>RunChecks</c> timer called as the host would, with the app's own container (<c>AddModelMonitor</c>) on Azurite:
/// the monitoring cycle over the registered stores, episodes in the app's <c>alerts</c> table, policies from its
/// <c>config</c> table. Only the clock, the notifier (recording) and the names differ: a fake clock, and storage under
/// a name prefix of this test's own, so the cycle sees only its models and its policy store.
/// </summary>
public sealed class RunChecksFunctionTests : IAsyncLifetime
{
    private const string Connection = "UseDevelopmentStorage=true";
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Tables = [TableAlertSink.TableName, TableModelConfigStore.TableName, TableReputationStore.TableName];

    private readonly MonitorStorageClients _clients = new(
        new BlobServiceClient(Connection), new TableServiceClient(Connection), "f" + Guid.NewGuid().ToString("N")[..11]);

    private readonly RecordingNotifier _notifier = new();

    private BlobContainerClient Windows => _clients.Windows;

    public async Task InitializeAsync()
    {
        await _clients.EnsureCreatedAsync();
        foreach (var table in Tables)
        {
            await _clients.Table(table).CreateIfNotExistsAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var container in new[] { _clients.Windows, _clients.DeadLetters, _clients.References, _clients.CheckResults })
        {
            await container.DeleteIfExistsAsync();
        }

        foreach (var table in Tables)
        {
            await _clients.Table(table).DeleteAsync();
        }
    }

    private ServiceProvider App(DateTimeOffset now)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MonitorStorage"] = Connection,
            ["Monitor:WindowMinutes"] = "5",
            // A first run evaluates every window of the lookbacks: 4 hours and a day keep these tests in seconds.
            ["Checks:LookbackHours"] = "4",
            ["Checks:LabelLookbackDays"] = "1",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddModelMonitor(configuration);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        services.AddSingleton(_clients);
        services.AddSingleton<INotifier>(_notifier);
        services.AddTransient<RunChecksFunction>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A timer whose schedule monitor says the previous run was at <paramref name="last"/>.</summary>
    private static TimerInfo Timer(DateTimeOffset last) => new() { ScheduleStatus = new ScheduleStatus { Last = last.UtcDateTime, Next = last.UtcDateTime.AddMinutes(15) } };

    private static string NewModelId() => "m" + Guid.NewGuid().ToString("N")[..19];

    private Task UploadAsync(WindowSummary summary) =>
        Windows.GetBlobClient(BlobNames.PartitionWindow(new WindowKey(summary.ModelId, summary.ModelVersion, FiveMinutes, summary.WindowStart), "0"))
            .UploadAsync(BinaryData.FromBytes(WindowSummarySerializer.Serialize(summary)), overwrite: true);

    private static WindowSummary ServingHour(string model, DateTimeOffset hour, Func<int, string>? caller = null, int? requests = null)
    {
        // A daily cycle: 20 requests an hour at night, 80 in the afternoon; every 50th request fails.
        int n = requests ?? 20 + (int)(60 * Math.Max(0, Math.Sin(Math.PI * (hour.Hour - 6) / 16.0)));
        var summary = new WindowSummary(model, "1", hour, hour + FiveMinutes.Length);
        for (var i = 0; i < n; i++)
        {
            summary.Add(new MonitoringEvent
            {
                Kind = EventKind.Prediction, EventId = "e", ModelId = model, ModelVersion = "1", Timestamp = hour, CallerId = caller?.Invoke(i),
                LatencyMs = 20 + (i % 7), CpuMs = 3, MemoryMb = 200, Status = i % 50 == 0 ? "500" : "ok",
            });
        }

        return summary;
    }

    [Fact]
    public async Task RunChecks_FirstRunAfterTheHour_ModelThatFellSilent_OpensASilenceEpisode_AndARetiredOneInThePolicyStoreStaysQuiet()
    {
        // Now: day 3, 14:10; both models served every hour until 12:00 on day 3.
        var now = Start.AddDays(3).AddHours(14).AddMinutes(10);
        using var app = App(now);
        string silent = NewModelId(), retired = NewModelId();
        for (var hour = Start; hour < Start.AddDays(3).AddHours(12); hour = hour.AddHours(1))
        {
            await Task.WhenAll(UploadAsync(ServingHour(silent, hour)), UploadAsync(ServingHour(retired, hour)));
        }

        await app.GetRequiredService<IModelConfigStore>().PutAsync(retired, ConfigSections.Checks, """{"operational":{"retired":true}}""");

        var run = await app.GetRequiredService<RunChecksFunction>().RunAsync(Timer(now.AddMinutes(-15)), CancellationToken.None);

        Assert.Equal(CycleStages.Statistical | CycleStages.Operational | CycleStages.Abuse, run.Stages);
        var result = run.Operational!;
        Assert.Equal(2, result.ModelsEvaluated);
        Assert.Equal(0, result.ModelsFailed);
        var episodes = app.GetRequiredService<IAlertEpisodeStore>();
        var episode = Assert.Single(await episodes.ListAsync(silent));
        Assert.Equal((AlertKind.UsageSwing, "silence", EpisodeState.Firing), (episode.Kind, episode.Subkind, episode.State));
        Assert.Empty(await episodes.ListAsync(retired));
    }

    [Fact]
    public async Task RunChecks_CallerAtTenTimesItsOwnRate_OpensAnAbuseEpisodeNamingTheCaller()
    {
        var now = Start.AddDays(3).AddHours(14).AddMinutes(10);
        using var app = App(now);
        var model = NewModelId();
        for (var day = 0; day <= 3; day++)
        {
            // Twelve ordinary callers at 55–66 requests an hour; "abuser" at 60, then 600 in the judged hour (13:00 on day 3).
            var hour = Start.AddDays(day).AddHours(13);
            var callers = Enumerable.Range(0, 12).Select(i => ($"c{i}", 55 + i)).Append(("abuser", day == 3 ? 600 : 60)).ToList();
            var names = callers.SelectMany(c => Enumerable.Repeat(c.Item1, c.Item2)).ToList();
            await UploadAsync(ServingHour(model, hour, i => names[i], names.Count));
        }

        var result = (await app.GetRequiredService<RunChecksFunction>().RunAsync(Timer(now.AddMinutes(-15)), CancellationToken.None)).Abuse!;

        Assert.Equal((1, 0), (result.ModelsEvaluated, result.ModelsFailed));
        var episode = Assert.Single(await app.GetRequiredService<IAlertEpisodeStore>().ListAsync(model));
        Assert.Equal((AlertKind.Abuse, "abuser"), (episode.Kind, episode.Feature));
    }

    [Fact]
    public async Task RunChecks_FirstRunWithoutAScheduleStatus_RunsEveryCheck_AndANarrowingRecommenderOpensAFeedbackLoopEpisode()
    {
        var days = FeedbackLoopPolicy.Default.HistoryDays;
        // The last day is judged once its clicks had a day to arrive (Checks:FeedbackLoopOutcomeDelayHours, 24).
        using var app = App(Start.AddDays(days + 1).AddHours(1));
        var model = NewModelId();
        var random = new Random(11);
        var messages = new List<IncomingMessage>();
        for (int day = 0; day < days; day++)
        {
            // Each day the model draws from a smaller slice of the catalogue: 2,000 items down to 250.
            int catalogue = 2_000 - (day * 250);
            for (int i = 0; i < 150; i++)
            {
                var at = Start.AddDays(day).AddHours(12).AddSeconds(i * 20);
                string items = string.Join(',', Enumerable.Range(0, 10).Select(_ => $"\"sku{(int)(catalogue * Math.Pow(random.NextDouble(), 3))}\""));
                var body = string.Create(CultureInfo.InvariantCulture,
                    $"{{\"schema\":\"prediction/v1\",\"eventId\":\"r{day}-{i}\",\"modelId\":\"{model}\",\"modelVersion\":\"1\",\"timestamp\":\"{at:O}\",\"items\":[{items}],\"prediction\":0.5}}");
                messages.Add(new IncomingMessage(Encoding.UTF8.GetBytes(body), messages.Count, at.AddSeconds(1)));
            }
        }

        await new IngestPipeline(new BlobWindowStore(Windows), new BlobDeadLetterStore(_clients.DeadLetters), FiveMinutes).ProcessAsync("0", messages);

        var run = await app.GetRequiredService<RunChecksFunction>().RunAsync(null!, CancellationToken.None);

        Assert.Equal(RunChecksFunction.Stages, run.Stages);
        var result = run.FeedbackLoop!;
        Assert.Equal((1, 0), (result.Evaluated, result.Failed));
        var episodes = await app.GetRequiredService<IAlertEpisodeStore>().ListAsync(model);
        Assert.Contains(episodes, e => e.Kind == AlertKind.FeedbackLoop && e.Subkind == FeedbackLoopSubkind.DiversityNarrowing);
    }

    [Fact]
    public async Task RunChecks_CorruptSummaryOfOneModel_IsCountedAndTheOtherModelStillAlerts()
    {
        var now = Start.AddDays(3).AddHours(14).AddMinutes(10);
        using var app = App(now);
        string broken = NewModelId(), silent = NewModelId();
        for (var hour = Start; hour < Start.AddDays(3).AddHours(12); hour = hour.AddHours(1))
        {
            await Task.WhenAll(UploadAsync(ServingHour(broken, hour)), UploadAsync(ServingHour(silent, hour)));
        }

        await Windows.GetBlobClient(BlobNames.PartitionWindow(new WindowKey(broken, "1", FiveMinutes, Start.AddDays(2)), "0"))
            .UploadAsync(BinaryData.FromString("not a gzip summary"), overwrite: true);

        var run = await app.GetRequiredService<RunChecksFunction>().RunAsync(Timer(now.AddMinutes(-15)), CancellationToken.None);

        Assert.Equal(0, run.StagesFailed);
        Assert.Equal((1, 1), (run.Operational!.ModelsEvaluated, run.Operational.ModelsFailed));
        Assert.Single(await app.GetRequiredService<IAlertEpisodeStore>().ListAsync(silent));
        Assert.Empty(await app.GetRequiredService<IAlertEpisodeStore>().ListAsync(broken));
    }

    [Fact]
    public async Task RunChecks_SecondRunInTheSameHour_RunsOnlyTheStatisticalChecks()
    {
        var now = Start.AddDays(3).AddHours(14).AddMinutes(25);
        using var app = App(now);
        var silent = NewModelId();
        for (var hour = Start; hour < Start.AddDays(3).AddHours(12); hour = hour.AddHours(1))
        {
            await UploadAsync(ServingHour(silent, hour));
        }

        var run = await app.GetRequiredService<RunChecksFunction>().RunAsync(Timer(now.AddMinutes(-15)), CancellationToken.None);

        // The hour's operational checks ran at 14:10: the silence is not judged again until the next hour closes.
        Assert.Equal(CycleStages.Statistical, run.Stages);
        Assert.Null(run.Operational);
        Assert.Empty(await app.GetRequiredService<IAlertEpisodeStore>().ListAsync(silent));
    }

    // embedder: x uniform on 0..9.9 every hour, a third of it NaN in the hour H0+2. pricing: y uniform on 0..99 in H0 as
    // in its pinned reference, moved up by 80 from H0+1 on (two drifted hours of three: it alerts at H0+2; its 5-minute
    // windows are too small to alert); its events name the embedder event they used.
    private static string CascadeEvent(string model, DateTimeOffset h0, int hour, int i)
    {
        bool embedder = model == "embedder";
        string value = embedder
            ? (hour == 2 && i % 3 == 0 ? "NaN" : ((i % 100) / 10.0).ToString("R", CultureInfo.InvariantCulture))
            : ((i % 100) + (hour >= 1 ? 80 : 0)).ToString(CultureInfo.InvariantCulture);
        string upstream = embedder ? string.Empty : $",\"upstream\":[{{\"modelId\":\"embedder\",\"eventId\":\"embedder-{hour}-{i}\"}}]";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"schema\":\"prediction/v1\",\"eventId\":\"{model}-{hour}-{i}\",\"modelId\":\"{model}\",\"modelVersion\":\"v1\",\"timestamp\":\"{h0.AddHours(hour).AddSeconds(i * 6):O}\",\"features\":{{\"{(embedder ? "x" : "y")}\":{value}}},\"prediction\":0.5,\"status\":\"ok\"{upstream}}}");
    }

    [Fact]
    public async Task RunChecks_UpstreamAndDownstreamAlertInTheSameHour_AreOneIncident_AndOnlyTheUpstreamPages()
    {
        var h0 = Start.AddDays(3);
        var now = h0.AddHours(3).AddMinutes(10);
        using var app = App(now);
        var pipeline = new IngestPipeline(new BlobWindowStore(Windows), new BlobDeadLetterStore(_clients.DeadLetters), FiveMinutes);
        foreach (var model in (string[])["embedder", "pricing"])
        {
            var messages = Enumerable.Range(0, 3).SelectMany(hour => Enumerable.Range(0, 600).Select(i => CascadeEvent(model, h0, hour, i)))
                .Select((text, n) => new IncomingMessage(Encoding.UTF8.GetBytes(text), n + 1, now)).ToList();
            Assert.Equal(messages.Count, (await pipeline.ProcessAsync(model, messages)).Folded);
        }

        var reference = new WindowSummary("pricing", "v1", h0.AddDays(-7), h0.AddDays(-6));
        for (var i = 0; i < 3000; i++)
        {
            reference.Add(new MonitoringEvent
            {
                Kind = EventKind.Prediction, EventId = "r", ModelId = "pricing", ModelVersion = "v1", Timestamp = h0.AddDays(-7),
                Features = [new("y", FieldValue.FromNumber(i % 100))], Prediction = FieldValue.FromNumber(0.5),
            });
        }

        await app.GetRequiredService<ReferenceStore>().SaveAsync("pricing", null, reference);

        // No configured lineage: the edge embedder -> pricing is learned from pricing's upstream fields.
        var run = await app.GetRequiredService<RunChecksFunction>().RunAsync(Timer(now.AddMinutes(-15)), CancellationToken.None);

        var incident = Assert.Single(run.Incidents.Incidents);
        Assert.True(incident.IsCascade);
        Assert.Equal("embedder", incident.RootModelId);
        var episodes = app.GetRequiredService<IAlertEpisodeStore>();
        var upstream = await episodes.ListAsync("embedder");
        var downstream = await episodes.ListAsync("pricing");
        Assert.Contains(upstream, e => e.Kind == AlertKind.DataQuality && e.Subkind == "nan" && e.Feature == "x");
        Assert.Contains(downstream, e => e.Kind == AlertKind.FeatureDrift && e.Feature == "y");
        Assert.All(upstream, e => Assert.Null(e.CauseModelId));
        Assert.All(downstream, e => Assert.Equal("embedder", e.CauseModelId));
        Assert.All(upstream.Concat(downstream), e => Assert.Equal(incident.Id, e.IncidentId));

        // Only the root pages, and its page names the downstream model it likely explains.
        Assert.NotEmpty(_notifier.Sent);
        Assert.All(_notifier.Sent, n => Assert.Equal("embedder", n.ModelId));
        Assert.Contains(_notifier.Sent, n => n.Text.Contains($"Incident {incident.Id}", StringComparison.Ordinal) && n.Text.Contains("pricing (", StringComparison.Ordinal));
    }
}
