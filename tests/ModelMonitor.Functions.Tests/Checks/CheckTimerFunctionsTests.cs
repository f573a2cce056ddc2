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
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Functions.Tests.Checks;

/// <summary>
/// The three check timers called as the host would, with the app's own container (<c>AddModelMonitor</c>) on Azurite:
/// episodes land in the app's <c>alerts</c> table and policies come from its <c>config</c> table. Only the clock and the
/// windows container differ: a fake clock, and a container of this test's own so the runners see only its models.
/// </summary>
public sealed class CheckTimerFunctionsTests
{
    private const string Connection = "UseDevelopmentStorage=true";
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    private static async Task<(ServiceProvider App, BlobContainerClient Windows)> AppAsync(DateTimeOffset now)
    {
        var windows = new BlobServiceClient(Connection).GetBlobContainerClient($"t{Guid.NewGuid():N}"[..20]);
        await windows.CreateIfNotExistsAsync();
        var tables = new TableServiceClient(Connection);
        await tables.GetTableClient(TableAlertSink.TableName).CreateIfNotExistsAsync();
        await tables.GetTableClient(TableModelConfigStore.TableName).CreateIfNotExistsAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MonitorStorage"] = Connection,
            ["Monitor:WindowMinutes"] = "5",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddModelMonitor(configuration);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        services.AddSingleton(new SummaryReader(windows, FiveMinutes));
        services.AddTransient<RunOperationalChecksFunction>().AddTransient<RunAbuseChecksFunction>().AddTransient<RunFeedbackLoopChecksFunction>();
        return (services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), windows);
    }

    private static string NewModelId() => "m" + Guid.NewGuid().ToString("N")[..19];

    private static Task UploadAsync(BlobContainerClient windows, WindowSummary summary) =>
        windows.GetBlobClient(BlobNames.PartitionWindow(new WindowKey(summary.ModelId, summary.ModelVersion, FiveMinutes, summary.WindowStart), "0"))
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
    public async Task RunOperationalChecks_ModelThatFellSilent_OpensASilenceEpisode_AndARetiredOneInThePolicyStoreStaysQuiet()
    {
        // Now: day 3, 14:10; both models served every hour until 12:00 on day 3.
        var now = Start.AddDays(3).AddHours(14).AddMinutes(10);
        var (app, windows) = await AppAsync(now);
        using var _ = app;
        string silent = NewModelId(), retired = NewModelId();
        for (var hour = Start; hour < Start.AddDays(3).AddHours(12); hour = hour.AddHours(1))
        {
            await Task.WhenAll(UploadAsync(windows, ServingHour(silent, hour)), UploadAsync(windows, ServingHour(retired, hour)));
        }

        await app.GetRequiredService<IModelConfigStore>().PutAsync(retired, ConfigSections.Checks, """{"operational":{"retired":true}}""");

        var result = await app.GetRequiredService<RunOperationalChecksFunction>().RunAsync(null!, CancellationToken.None);

        Assert.Equal(2, result.ModelsEvaluated);
        Assert.Equal(0, result.ModelsFailed);
        var episodes = app.GetRequiredService<IAlertEpisodeStore>();
        var episode = Assert.Single(await episodes.ListAsync(silent));
        Assert.Equal((AlertKind.UsageSwing, "silence", EpisodeState.Firing), (episode.Kind, episode.Subkind, episode.State));
        Assert.Empty(await episodes.ListAsync(retired));
        await windows.DeleteAsync();
    }

    [Fact]
    public async Task RunAbuseChecks_CallerAtTenTimesItsOwnRate_OpensAnAbuseEpisodeNamingTheCaller()
    {
        var now = Start.AddDays(3).AddHours(14).AddMinutes(10);
        var (app, windows) = await AppAsync(now);
        using var _ = app;
        var model = NewModelId();
        for (var day = 0; day <= 3; day++)
        {
            // Twelve ordinary callers at 55–66 requests an hour; "abuser" at 60, then 600 in the judged hour (13:00 on day 3).
            var hour = Start.AddDays(day).AddHours(13);
            var callers = Enumerable.Range(0, 12).Select(i => ($"c{i}", 55 + i)).Append(("abuser", day == 3 ? 600 : 60)).ToList();
            var names = callers.SelectMany(c => Enumerable.Repeat(c.Item1, c.Item2)).ToList();
            await UploadAsync(windows, ServingHour(model, hour, i => names[i], names.Count));
        }

        var result = await app.GetRequiredService<RunAbuseChecksFunction>().RunAsync(null!, CancellationToken.None);

        Assert.Equal((1, 0), (result.ModelsEvaluated, result.ModelsFailed));
        var episode = Assert.Single(await app.GetRequiredService<IAlertEpisodeStore>().ListAsync(model));
        Assert.Equal((AlertKind.Abuse, "abuser"), (episode.Kind, episode.Feature));
        await windows.DeleteAsync();
    }

    [Fact]
    public async Task RunFeedbackLoopChecks_NarrowingRecommender_OpensAFeedbackLoopEpisode()
    {
        var days = FeedbackLoopPolicy.Default.HistoryDays;
        // The last day is judged once its clicks had a day to arrive (Checks:FeedbackLoopOutcomeDelayHours, 24).
        var (app, windows) = await AppAsync(Start.AddDays(days + 1).AddHours(1));
        using var _ = app;
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

        var deadLetters = new BlobServiceClient(Connection).GetBlobContainerClient($"d{Guid.NewGuid():N}"[..20]);
        await deadLetters.CreateIfNotExistsAsync();
        await new IngestPipeline(new BlobWindowStore(windows), new BlobDeadLetterStore(deadLetters), FiveMinutes).ProcessAsync("0", messages);

        var result = await app.GetRequiredService<RunFeedbackLoopChecksFunction>().RunAsync(null!, CancellationToken.None);

        Assert.Equal((1, 0), (result.Evaluated, result.Failed));
        var episodes = await app.GetRequiredService<IAlertEpisodeStore>().ListAsync(model);
        Assert.Contains(episodes, e => e.Kind == AlertKind.FeedbackLoop && e.Subkind == FeedbackLoopSubkind.DiversityNarrowing);
        await windows.DeleteAsync();
        await deadLetters.DeleteAsync();
    }

    [Fact]
    public async Task RunOperationalChecks_CorruptSummaryOfOneModel_IsCountedAndTheOtherModelStillAlerts()
    {
        var now = Start.AddDays(3).AddHours(14).AddMinutes(10);
        var (app, windows) = await AppAsync(now);
        using var _ = app;
        string broken = NewModelId(), silent = NewModelId();
        for (var hour = Start; hour < Start.AddDays(3).AddHours(12); hour = hour.AddHours(1))
        {
            await Task.WhenAll(UploadAsync(windows, ServingHour(broken, hour)), UploadAsync(windows, ServingHour(silent, hour)));
        }

        await windows.GetBlobClient(BlobNames.PartitionWindow(new WindowKey(broken, "1", FiveMinutes, Start.AddDays(2)), "0"))
            .UploadAsync(BinaryData.FromString("not a gzip summary"), overwrite: true);

        var result = await app.GetRequiredService<RunOperationalChecksFunction>().RunAsync(null!, CancellationToken.None);

        Assert.Equal((1, 1), (result.ModelsEvaluated, result.ModelsFailed));
        Assert.Single(await app.GetRequiredService<IAlertEpisodeStore>().ListAsync(silent));
        Assert.Empty(await app.GetRequiredService<IAlertEpisodeStore>().ListAsync(broken));
        await windows.DeleteAsync();
    }
}
