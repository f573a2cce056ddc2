using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.AzureMonitor;
using ModelMonitor.Service.Rollbacks;
using ModelMonitor.Service.Rollbacks.AutoRollback;
using ModelMonitor.Service.Rollbacks.Orchestration;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Service.Tests.Rollbacks.AutoRollback;

/// <summary>
/// End to end in the in-process DurableTask host: check alerts recorded by the real alert lifecycle (episodes on
/// Azurite) start the real orchestration against the loopback ARM and slots, once per episode.
/// </summary>
public sealed class AutoRollbackInHostTests(RollbackWorld world) : IClassFixture<RollbackWorld>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _table = AzuriteFixture.Clients().Tables.GetTableClient($"t{Guid.NewGuid():N}"[..20] + "alerts");
        await _table.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync() => await _table.DeleteAsync();

    [Fact]
    public async Task CriticalRecallEpisode_StartsOneDryRunRollback_WhoseNotificationsGoOut()
    {
        const string site = "auto-fraud";
        var json = world.ConfigJson(site).Replace("\"verifyMinutes\":5", "\"verifyMinutes\":5,\"autoRollback\":{\"kinds\":[\"model-quality/recall\"],\"minSeverity\":\"critical\",\"dryRun\":true}", StringComparison.Ordinal);
        var parsed = RollbackConfigParser.Parse(json);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        var starter = new DurableRollbackStarter(world.Host.Client, new ConfigRollbackTargetSource(parsed.Config!), world.Options);
        var trigger = new AutoRollbackTrigger(new ConfigRollbackTargetSource(parsed.Config!), new InMemoryAlertReceiptLog(), starter, TimeProvider.System, NullLogger<AutoRollbackTrigger>.Instance);
        var lifecycle = new AlertLifecycle(new TableAlertEpisodeStore(_table), new AutoRollbackNotifier(world.Notifier, trigger), TimeProvider.System, EpisodeOptions.Default, NullLogger<AlertLifecycle>.Instance);
        var hour = TimeSpan.FromHours(1);
        MonitorAlert Recall(DateTimeOffset start) => new(AlertKind.ModelQuality, "recall", site, "2.0.0", null, Severity.Critical, start, start + hour, new Dictionary<string, double?> { ["recall"] = 0.41 });

        await lifecycle.RaiseAsync([Recall(T0)]);
        var instanceId = RollbackInstanceId.For(site, "staging");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var done = await world.Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        await lifecycle.RaiseAsync([Recall(T0 + hour)]);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var outcome = done.ReadOutputAs<RollbackOutcome>()!;
        Assert.Equal(RollbackOutcome.DryRun, outcome.Outcome);
        Assert.Equal(("2.0.0", "1.0.0"), (outcome.From, outcome.To));
        Assert.Contains(outcome.Steps, s => s.Name == "requested" && s.Detail.Contains("alert:model-quality|recall|" + site + "|2.0.0|#1", StringComparison.Ordinal));
        Assert.Empty(world.Site(site).SwapPosts);
        var titles = world.Notifier.For(site).Select(n => n.Title).ToList();
        Assert.Equal(1, titles.Count(t => t.StartsWith("Rollback requested for auto-fraud (dry run)", StringComparison.Ordinal)));
        Assert.Contains("Dry run: would roll back auto-fraud from 2.0.0 to 1.0.0", titles);
        Assert.Equal(1, titles.Count(t => t.StartsWith("[critical] model-quality/recall", StringComparison.Ordinal)));
    }
}
