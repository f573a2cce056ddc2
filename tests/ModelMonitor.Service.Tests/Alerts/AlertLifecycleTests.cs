using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.Notifications;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Service.Tests.Alerts;

/// <summary>The lifecycle against the real episode store on Azurite: duplicates, concurrent runs, resolution.</summary>
public sealed class AlertLifecycleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlySet<string> AllKinds = AlertKind.All.ToHashSet(StringComparer.Ordinal);
    private readonly FakeTimeProvider _clock = new(T0.AddHours(1));
    private readonly RecordingNotifier _notifier = new();
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _table = AzuriteFixture.Clients().Tables.GetTableClient($"t{Guid.NewGuid():N}"[..20] + "alerts");
        await _table.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync() => await _table.DeleteAsync();

    private AlertLifecycle Lifecycle() =>
        new(new TableAlertEpisodeStore(_table), _notifier, _clock, EpisodeOptions.Default, NullLogger<AlertLifecycle>.Instance);

    private static MonitorAlert NanAlert(DateTimeOffset start, TimeSpan length, Severity severity = Severity.Critical) => new(
        AlertKind.DataQuality, "nan", "fraud", "v1", "deviceRisk", severity, start, start + length, new Dictionary<string, double?> { ["currentCount"] = 40 });

    private static AlertEvaluation Evaluation(DateTimeOffset start, TimeSpan length, params MonitorAlert[] alerts) =>
        new("fraud", "v1", start, start + length, alerts, AllKinds);

    private async Task<AlertEpisode> OnlyEpisodeAsync() => Assert.Single(await new TableAlertEpisodeStore(_table).ListAsync("fraud"));

    [Fact]
    public async Task SameWindowReEvaluated_AfterLateData_IsOneEpisodeOneOccurrenceOneNotification()
    {
        var lifecycle = Lifecycle();
        var hour = TimeSpan.FromHours(1);

        var first = await lifecycle.RecordAsync(Evaluation(T0, hour, NanAlert(T0, hour)));
        _clock.Advance(TimeSpan.FromMinutes(30));
        var again = await lifecycle.RecordAsync(Evaluation(T0, hour, NanAlert(T0, hour)));

        var episode = await OnlyEpisodeAsync();
        Assert.Single(first);
        Assert.Empty(again);
        Assert.Equal(1, episode.Occurrences);
        Assert.Equal(EpisodeState.Firing, episode.State);
        Assert.Equal([NotificationCategories.EpisodeOpened], _notifier.Categories);
    }

    [Fact]
    public async Task ConditionEveryHour_IsOneEpisodeCountingOccurrences()
    {
        var lifecycle = Lifecycle();
        for (int h = 0; h < 5; h++)
        {
            await lifecycle.RecordAsync(Evaluation(T0.AddHours(h), TimeSpan.FromHours(1), NanAlert(T0.AddHours(h), TimeSpan.FromHours(1))));
            _clock.Advance(TimeSpan.FromHours(1));
        }

        var episode = await OnlyEpisodeAsync();
        Assert.Equal(5, episode.Occurrences);
        Assert.Equal(T0.AddHours(4), episode.LatestWindowStart);
        Assert.Equal(T0.AddHours(1), episode.FirstSeen);
        Assert.Single(_notifier.Categories);
    }

    [Fact]
    public async Task FiveMinuteWindowAndItsHour_AreOneEpisode()
    {
        var lifecycle = Lifecycle();

        await lifecycle.RecordAsync(Evaluation(T0.AddMinutes(55), TimeSpan.FromMinutes(5), NanAlert(T0.AddMinutes(55), TimeSpan.FromMinutes(5))));
        await lifecycle.RecordAsync(Evaluation(T0, TimeSpan.FromHours(1), NanAlert(T0, TimeSpan.FromHours(1))));

        var episode = await OnlyEpisodeAsync();
        Assert.Equal(2, episode.Occurrences);
        Assert.Single(_notifier.Categories);
    }

    [Fact]
    public async Task ConcurrentRuns_RaisingTheSameCondition_OpenOneEpisodeAndNotifyOnce()
    {
        var hour = TimeSpan.FromHours(1);
        var runs = Enumerable.Range(0, 8).Select(_ => Lifecycle()).ToList();

        var opened = await Task.WhenAll(runs.Select(r => r.RecordAsync(Evaluation(T0, hour, NanAlert(T0, hour)))));
        _clock.Advance(hour);
        await Task.WhenAll(runs.Select(r => r.RecordAsync(Evaluation(T0.AddHours(1), hour, NanAlert(T0.AddHours(1), hour)))));

        var episode = await OnlyEpisodeAsync();
        Assert.Equal(1, opened.Sum(o => o.Count));
        Assert.Equal(2, episode.Occurrences);
        Assert.Equal([NotificationCategories.EpisodeOpened], _notifier.Categories);
    }

    [Fact]
    public async Task ConcurrentRuns_RaisingAHigherSeverity_NotifyTheRiseOnce()
    {
        var hour = TimeSpan.FromHours(1);
        await Lifecycle().RecordAsync(Evaluation(T0, hour, NanAlert(T0, hour, Severity.Warning)));
        _clock.Advance(hour);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Lifecycle().RecordAsync(Evaluation(T0.AddHours(1), hour, NanAlert(T0.AddHours(1), hour, Severity.Critical)))));

        var episode = await OnlyEpisodeAsync();
        Assert.Equal(Severity.Critical, episode.PeakSeverity);
        Assert.Equal([NotificationCategories.EpisodeOpened, NotificationCategories.SeverityRaised], _notifier.Categories);
    }

    [Fact]
    public async Task ThreeCleanHours_ResolveAndNotify_ThenAReturnOpensEpisodeTwo()
    {
        var lifecycle = Lifecycle();
        var hour = TimeSpan.FromHours(1);
        await lifecycle.RecordAsync(Evaluation(T0, hour, NanAlert(T0, hour)));
        for (int h = 1; h <= 3; h++)
        {
            _clock.Advance(hour);
            await lifecycle.RecordAsync(Evaluation(T0.AddHours(h), hour));
        }

        var resolved = await OnlyEpisodeAsync();
        _clock.Advance(hour);
        await lifecycle.RecordAsync(Evaluation(T0.AddHours(4), hour, NanAlert(T0.AddHours(4), hour)));
        var all = await new TableAlertEpisodeStore(_table).ListAsync("fraud");

        Assert.Equal(EpisodeState.Resolved, resolved.State);
        Assert.Equal([1, 2], all.Select(e => e.Number).Order().ToArray());
        Assert.Equal(EpisodeState.Firing, all.Single(e => e.Number == 2).State);
        Assert.Equal(
            [NotificationCategories.EpisodeOpened, NotificationCategories.EpisodeResolved, NotificationCategories.EpisodeOpened],
            _notifier.Categories);
    }

    [Fact]
    public async Task KindNotEvaluated_DoesNotCountAsClear()
    {
        var lifecycle = Lifecycle();
        var hour = TimeSpan.FromHours(1);
        await lifecycle.RecordAsync(Evaluation(T0, hour, NanAlert(T0, hour)));
        for (int h = 1; h <= 3; h++)
        {
            await lifecycle.RecordAsync(new AlertEvaluation("fraud", "v1", T0.AddHours(h), T0.AddHours(h + 1), [], new HashSet<string> { AlertKind.FeatureDrift }));
        }

        Assert.Equal(EpisodeState.Firing, (await OnlyEpisodeAsync()).State);
    }

    [Fact]
    public async Task Acknowledge_RecordsWhoAndWhen()
    {
        var lifecycle = Lifecycle();
        var alert = NanAlert(T0, TimeSpan.FromHours(1));
        await lifecycle.RecordAsync(Evaluation(T0, TimeSpan.FromHours(1), alert));

        await lifecycle.AcknowledgeAsync("fraud", alert.ConditionKey, "ana@example.com");

        var episode = await OnlyEpisodeAsync();
        Assert.Equal(EpisodeState.Acknowledged, episode.State);
        Assert.Equal("ana@example.com", episode.AcknowledgedBy);
        Assert.Equal(_clock.GetUtcNow(), episode.AcknowledgedAt);
    }

    [Fact]
    public async Task FailingNotifier_NeverFailsTheChecks()
    {
        var lifecycle = new AlertLifecycle(new TableAlertEpisodeStore(_table), new ThrowingNotifier(), _clock, EpisodeOptions.Default, NullLogger<AlertLifecycle>.Instance);

        var opened = await lifecycle.RecordAsync(Evaluation(T0, TimeSpan.FromHours(1), NanAlert(T0, TimeSpan.FromHours(1))));

        Assert.Single(opened);
        Assert.Equal(EpisodeState.Firing, (await OnlyEpisodeAsync()).State);
    }

    private sealed class RecordingNotifier : INotifier
    {
        private readonly List<string> _categories = [];

        public IReadOnlyList<string> Categories
        {
            get
            {
                lock (_categories)
                {
                    return [.. _categories];
                }
            }
        }

        public Task<IReadOnlyList<NotificationOutcome>> NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            lock (_categories)
            {
                _categories.Add(notification.Category);
            }

            return Task.FromResult<IReadOnlyList<NotificationOutcome>>([new NotificationOutcome("test", true, 1)]);
        }
    }

    private sealed class ThrowingNotifier : INotifier
    {
        public Task<IReadOnlyList<NotificationOutcome>> NotifyAsync(Notification notification, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("notifier bug");
    }
}
