namespace ModelMonitor.Service.Rollbacks;

/// <summary>A request to roll a model back, from ops (HTTP, CLI), an Azure Monitor alert or a check alert's policy.</summary>
/// <param name="ModelId">The configured rollback target.</param>
/// <param name="Reason">Why, in the requester's words; shown in notifications and the audit record.</param>
/// <param name="DryRun">Everything but the swap, which is recorded as what would have happened.</param>
/// <param name="RequestedBy">Who asked: a principal name, or <c>alert:&lt;id&gt;</c> for alert-started rollbacks.</param>
/// <param name="AlertId">The alert that started it, if any.</param>
/// <param name="AlertSeverity">The alert's severity, if any: a target with <c>"approval":"required-below-critical"</c> skips approval for a critical one.</param>
public sealed record RollbackRequest(string ModelId, string Reason, bool DryRun, string RequestedBy, string? AlertId = null, ModelMonitor.Core.Checks.Severity? AlertSeverity = null);
