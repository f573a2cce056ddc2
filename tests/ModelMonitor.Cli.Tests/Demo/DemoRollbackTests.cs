using ModelMonitor.Cli.Demo;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Service.Notifications;

namespace ModelMonitor.Cli.Tests.Demo;

/// <summary>The local run's auto-rollback against its simulated slots, without the rest of the run.</summary>
public sealed class DemoRollbackTests
{
    private static Notification Episode(string model, Severity severity, string category = NotificationCategories.EpisodeOpened) =>
        new(category, $"[{severity}] model-quality/ctr on {model}", "ctr fell", severity, model, AlertKind.ModelQuality, EpisodeId: $"model-quality|ctr|{model}|v|#1", Subkind: "ctr");

    [Fact]
    public async Task CriticalEpisode_StartsADryRunAgainstTheSimulatedSlots_NotifiesAndReportsItsSteps()
    {
        var people = new Recording();
        await using var rollback = await DemoRollback.StartAsync(["fraud", "recsys", "pricing"], people, TimeProvider.System);
        var notifier = rollback.Wrap(people);

        await notifier.NotifyAsync(Episode("recsys", Severity.Error));
        await notifier.NotifyAsync(Episode("recsys", Severity.Critical, NotificationCategories.SeverityRaised));
        await notifier.NotifyAsync(Episode("pricing", Severity.Critical));
        using var report = new StringWriter();
        await rollback.ReportAsync(report);

        var text = report.ToString();
        Assert.Contains("SIMULATED locally", text, StringComparison.Ordinal);
        Assert.Contains("rollback of recsys, requested by alert:model-quality|ctr|recsys|v|#1 (critical)", text, StringComparison.Ordinal);
        Assert.Contains("rollback dry-run: from 2024.11.2 to 2024.10.4", text, StringComparison.Ordinal);
        Assert.Contains("validate-golden ok", text, StringComparison.Ordinal);
        Assert.Contains("swap skipped", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rollback of pricing", text, StringComparison.Ordinal);
        var titles = people.Sent.Select(n => n.Title).ToList();
        Assert.Contains("Rollback requested for recsys (dry run)", titles);
        Assert.Contains("Dry run: would roll back recsys from 2024.11.2 to 2024.10.4", titles);
    }

    [Fact]
    public async Task NoCriticalEpisode_ReportsThatNothingStarted()
    {
        var people = new Recording();
        await using var rollback = await DemoRollback.StartAsync(["fraud"], people, TimeProvider.System);

        await rollback.Wrap(people).NotifyAsync(Episode("fraud", Severity.Error));
        using var report = new StringWriter();
        await rollback.ReportAsync(report);

        Assert.Contains("nothing started", report.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(people.Sent, n => n.Category == NotificationCategories.Rollback);
    }

    private sealed class Recording : INotifier
    {
        public System.Collections.Concurrent.ConcurrentQueue<Notification> Sent { get; } = new();

        public Task<IReadOnlyList<NotificationOutcome>> NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            Sent.Enqueue(notification);
            return Task.FromResult<IReadOnlyList<NotificationOutcome>>([]);
        }
    }
}
