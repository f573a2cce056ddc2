using Microsoft.Extensions.Logging;
using ModelMonitor.Service.AzureMonitor;
using ModelMonitor.Service.Notifications;

namespace ModelMonitor.Service.Rollbacks.AutoRollback;

/// <summary>
/// Starts a target's rollback when a check alert episode opens, or rises in severity, matching the target's
/// <c>autoRollback</c> policy (<see cref="ModelMonitor.Core.Rollbacks.AutoRollbackPolicy"/>). Once per episode: the
/// episode id is claimed in the receipt log before starting (a lost claim starts nothing; a failed start releases it so
/// the next notice of the episode can try again), and the starter's singleton per target dedupes concurrent ones.
/// Never throws for a rollback that cannot start: the checks that raised the alert must not fail because of it.
/// </summary>
public sealed class AutoRollbackTrigger(IRollbackTargetSource targets, IAlertReceiptLog claims, IRollbackStarter starter, TimeProvider timeProvider, ILogger<AutoRollbackTrigger> logger)
{
    /// <summary>The alert-rule name recorded on an episode's claim in the receipt log.</summary>
    public const string ClaimRule = "auto-rollback";

    /// <returns>What starting did, or null when the notification asks for no rollback (or it could not start).</returns>
    public async Task<RollbackStartResult?> OnNotificationAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.Category is not (NotificationCategories.EpisodeOpened or NotificationCategories.SeverityRaised)
            || notification is not { ModelId: { } modelId, Kind: { } kind, EpisodeId: { } episodeId })
        {
            return null;
        }

        ResolvedRollbackTarget? target;
        try
        {
            target = await targets.GetAsync(modelId, cancellationToken);
        }
        catch (InvalidRollbackConfigException ex)
        {
            AutoRollbackLog.InvalidConfig(logger, modelId, string.Join("; ", ex.Errors));
            return null;
        }

        if (target?.Target.AutoRollback is not { } policy || !policy.Matches(kind, notification.Subkind, notification.Severity))
        {
            return null;
        }

        var severity = notification.Severity.ToString().ToLowerInvariant();
        var claim = new AlertEssentials($"episode:{episodeId}", ClaimRule, severity, "Check", AlertEssentials.Fired, "ModelMonitor", [], null, notification.Title);
        if (!await claims.TryRecordAsync(new AlertReceipt(claim, modelId, policy.DryRun ? AzureAlertActions.RollbackDryRun : AzureAlertActions.RollbackStarted, timeProvider.GetUtcNow()), cancellationToken))
        {
            AutoRollbackLog.AlreadyStarted(logger, modelId, episodeId);
            return null;
        }

        try
        {
            var request = new RollbackRequest(modelId, $"check alert {notification.Title}", policy.DryRun, $"alert:{episodeId}", episodeId, notification.Severity);
            var started = await starter.StartAsync(request, cancellationToken);
            AutoRollbackLog.Started(logger, modelId, episodeId, started.InstanceId, started.Started, policy.DryRun);
            return started;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await claims.ForgetAsync(claim, CancellationToken.None);
            AutoRollbackLog.StartFailed(logger, modelId, episodeId, ex);
            return null;
        }
    }
}
