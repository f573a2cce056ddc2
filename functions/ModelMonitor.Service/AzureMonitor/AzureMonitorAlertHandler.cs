using ModelMonitor.Service.Rollbacks;

namespace ModelMonitor.Service.AzureMonitor;

/// <summary>
/// Acts on one Azure Monitor alert: a Fired alert for a configured target starts its rollback unless the target says
/// record; Resolved and record-only alerts are recorded; a repeated alert id and condition starts nothing new.
/// The model is named by <c>customProperties.modelId</c>, else it is the target whose site id is among
/// <c>alertTargetIDs</c> (case-insensitive: Azure lower-cases resource groups in some payloads).
/// </summary>
public sealed class AzureMonitorAlertHandler(IRollbackTargets targets, IAlertReceiptLog receipts, IRollbackStarter starter, TimeProvider time)
{
    /// <summary>The custom property an alert rule sets to name the model.</summary>
    public const string ModelIdProperty = "modelId";

    public async Task<AzureAlertOutcome> HandleAsync(CommonAlert alert, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var essentials = alert.Essentials;
        var target = Match(alert, await targets.ListAsync(cancellationToken));
        var wantsRollback = target is { RecordOnly: false } && essentials.IsFired;
        var action = target is null ? AzureAlertActions.Ignored
            : wantsRollback ? (dryRun ? AzureAlertActions.RollbackDryRun : AzureAlertActions.RollbackStarted)
            : AzureAlertActions.Recorded;

        var first = await receipts.TryRecordAsync(new AlertReceipt(essentials, target?.ModelId, action, time.GetUtcNow()), cancellationToken);
        if (!first)
        {
            return Outcome(essentials, target, AzureAlertActions.Ignored, duplicate: true, instanceId: null);
        }

        if (!wantsRollback)
        {
            return Outcome(essentials, target, action, duplicate: false, instanceId: null);
        }

        RollbackStartResult started;
        try
        {
            var reason = $"Azure Monitor alert '{essentials.AlertRule ?? essentials.AlertId}' ({essentials.Severity ?? "no severity"}) fired";
            started = await starter.StartAsync(new RollbackRequest(target!.ModelId, reason, dryRun, $"alert:{essentials.AlertId}", essentials.AlertId), cancellationToken);
        }
        catch
        {
            // The action group retries a failed delivery: let that retry act instead of being taken for a repeat.
            await receipts.ForgetAsync(essentials, CancellationToken.None);
            throw;
        }

        return Outcome(essentials, target, action, duplicate: false, started.InstanceId);
    }

    /// <summary>The target an alert is about, or null.</summary>
    public static RollbackTarget? Match(CommonAlert alert, IReadOnlyList<RollbackTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(targets);
        if (alert.CustomProperties.TryGetValue(ModelIdProperty, out var modelId) && !string.IsNullOrWhiteSpace(modelId))
        {
            return targets.FirstOrDefault(t => string.Equals(t.ModelId, modelId, StringComparison.Ordinal));
        }

        foreach (var id in alert.Essentials.AlertTargetIds)
        {
            var trimmed = id.TrimEnd('/');
            var match = targets.FirstOrDefault(t => t.SiteResourceId.Length > 0 && string.Equals(t.SiteResourceId, trimmed, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    private static AzureAlertOutcome Outcome(AlertEssentials e, RollbackTarget? target, string action, bool duplicate, string? instanceId) =>
        new(e.AlertId, e.AlertRule, e.Severity, e.MonitorCondition, target?.ModelId, action, duplicate, instanceId);
}
