using Microsoft.Extensions.Logging.Abstractions;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Service.AzureMonitor;
using ModelMonitor.Service.Notifications;
using ModelMonitor.Service.Rollbacks;
using ModelMonitor.Service.Rollbacks.AutoRollback;

namespace ModelMonitor.Service.Tests.Rollbacks.AutoRollback;

/// <summary>The policy decision and once-per-episode claim, with a recording starter (no orchestration).</summary>
public sealed class AutoRollbackTriggerTests
{
    private readonly RecordingRollbackStarter _starter = new();
    private readonly InMemoryAlertReceiptLog _claims = new();

    private static string Config(string autoRollback) => $$"""
        {"targets":{"fraud":{"subscriptionId":"sub-1","resourceGroup":"rg","site":"fraud-app","productionBaseUrl":"https://p.example",
          "standbyBaseUrl":"https://s.example","goldenExamples":"golden.jsonl","approval":"required-below-critical"{{autoRollback}} } } }
        """;

    private AutoRollbackTrigger Trigger(string autoRollback)
    {
        var parsed = RollbackConfigParser.Parse(Config(autoRollback));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return new AutoRollbackTrigger(new ConfigRollbackTargetSource(parsed.Config!), _claims, _starter, TimeProvider.System, NullLogger<AutoRollbackTrigger>.Instance);
    }

    private static Notification Episode(string category, Severity severity, string kind = AlertKind.ModelQuality, string? subkind = "recall", string episode = "fraud|model-quality|recall#1", string model = "fraud") =>
        new(category, $"[{severity}] {kind}/{subkind} on {model} 3.1.0", "recall fell", severity, model, kind, EpisodeId: episode, Subkind: subkind);

    [Fact]
    public async Task CriticalRecallEpisodeOpened_MatchingPolicy_StartsOneDryRunNamingTheEpisode()
    {
        var trigger = Trigger(""","autoRollback":{"kinds":["model-quality/recall"]}""");

        var started = await trigger.OnNotificationAsync(Episode(NotificationCategories.EpisodeOpened, Severity.Critical));

        Assert.NotNull(started);
        var request = Assert.Single(_starter.Requests);
        Assert.Equal("fraud", request.ModelId);
        Assert.True(request.DryRun);
        Assert.Equal("alert:fraud|model-quality|recall#1", request.RequestedBy);
        Assert.Equal("fraud|model-quality|recall#1", request.AlertId);
        Assert.Equal(Severity.Critical, request.AlertSeverity);
    }

    [Fact]
    public async Task SameEpisodeNotifiedAgain_StartsNothingNew()
    {
        var trigger = Trigger(""","autoRollback":{"kinds":["model-quality"],"minSeverity":"error"}""");

        await trigger.OnNotificationAsync(Episode(NotificationCategories.EpisodeOpened, Severity.Error));
        var again = await trigger.OnNotificationAsync(Episode(NotificationCategories.SeverityRaised, Severity.Critical));
        var nextEpisode = await trigger.OnNotificationAsync(Episode(NotificationCategories.EpisodeOpened, Severity.Critical, episode: "fraud|model-quality|recall#2"));

        Assert.Null(again);
        Assert.NotNull(nextEpisode);
        Assert.Equal(["fraud|model-quality|recall#1", "fraud|model-quality|recall#2"], _starter.Requests.Select(r => r.AlertId));
    }

    [Fact]
    public async Task EpisodeRisingToTheMinimum_StartsWhenItRises()
    {
        var trigger = Trigger(""","autoRollback":{"kinds":["model-quality"],"dryRun":false}""");

        var opened = await trigger.OnNotificationAsync(Episode(NotificationCategories.EpisodeOpened, Severity.Warning));
        var risen = await trigger.OnNotificationAsync(Episode(NotificationCategories.SeverityRaised, Severity.Critical));

        Assert.Null(opened);
        Assert.NotNull(risen);
        Assert.False(Assert.Single(_starter.Requests).DryRun);
    }

    [Theory]
    [InlineData(NotificationCategories.EpisodeOpened, Severity.Critical, AlertKind.FeatureDrift, "psi")]
    [InlineData(NotificationCategories.EpisodeOpened, Severity.Critical, AlertKind.ModelQuality, "precision")]
    [InlineData(NotificationCategories.EpisodeOpened, Severity.Error, AlertKind.ModelQuality, "recall")]
    [InlineData(NotificationCategories.EpisodeReminder, Severity.Critical, AlertKind.ModelQuality, "recall")]
    [InlineData(NotificationCategories.EpisodeResolved, Severity.Critical, AlertKind.ModelQuality, "recall")]
    public async Task NotificationOutsideThePolicy_StartsNothing(string category, Severity severity, string kind, string subkind)
    {
        var trigger = Trigger(""","autoRollback":{"kinds":["model-quality/recall"],"minSeverity":"critical"}""");

        var started = await trigger.OnNotificationAsync(Episode(category, severity, kind, subkind));

        Assert.Null(started);
        Assert.Empty(_starter.Requests);
    }

    [Fact]
    public async Task TargetWithoutPolicy_OrModelWithoutTarget_StartsNothing()
    {
        var trigger = Trigger("");

        await trigger.OnNotificationAsync(Episode(NotificationCategories.EpisodeOpened, Severity.Critical));
        await trigger.OnNotificationAsync(Episode(NotificationCategories.EpisodeOpened, Severity.Critical, model: "pricing"));

        Assert.Empty(_starter.Requests);
    }

    [Fact]
    public async Task StarterFails_ClaimIsReleased_SoTheNextNoticeOfTheEpisodeStarts()
    {
        var parsed = RollbackConfigParser.Parse(Config(""","autoRollback":{"kinds":["model-quality"],"minSeverity":"warning"}"""));
        var failing = new FailingOnceStarter(_starter);
        var trigger = new AutoRollbackTrigger(new ConfigRollbackTargetSource(parsed.Config!), _claims, failing, TimeProvider.System, NullLogger<AutoRollbackTrigger>.Instance);

        var first = await trigger.OnNotificationAsync(Episode(NotificationCategories.EpisodeOpened, Severity.Warning));
        var second = await trigger.OnNotificationAsync(Episode(NotificationCategories.SeverityRaised, Severity.Critical));

        Assert.Null(first);
        Assert.NotNull(second);
        Assert.Single(_starter.Requests);
    }

    [Fact]
    public async Task Notifier_TellsPeopleFirst_ThenStarts_AndReturnsTheChannelsOutcomes()
    {
        var people = new RecordingNotifier();
        var notifier = new AutoRollbackNotifier(people, Trigger(""","autoRollback":{"kinds":["model-quality"]}"""));

        var outcomes = await notifier.NotifyAsync(Episode(NotificationCategories.EpisodeOpened, Severity.Critical));

        Assert.Equal("recording", Assert.Single(outcomes).Channel);
        Assert.Single(people.Sent);
        Assert.Single(_starter.Requests);
    }

    private sealed class FailingOnceStarter(IRollbackStarter inner) : IRollbackStarter
    {
        private int _calls;

        public Task<RollbackStartResult> StartAsync(RollbackRequest request, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _calls) == 1 ? throw new HttpRequestException("backend unavailable") : inner.StartAsync(request, cancellationToken);
    }
}
