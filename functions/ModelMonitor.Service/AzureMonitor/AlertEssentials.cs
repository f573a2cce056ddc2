namespace ModelMonitor.Service.AzureMonitor;

/// <summary>
/// The <c>essentials</c> of a Common Alert Schema payload, read leniently: every field may be missing or null
/// (budget payloads carry null rule, severity, condition and targets), and odd types are kept as text.
/// </summary>
/// <param name="AlertId">The alert instance id; the dedup key for repeated deliveries.</param>
/// <param name="AlertRule">The rule name, when the payload names one.</param>
/// <param name="Severity">Sev0..Sev4 as sent.</param>
/// <param name="SignalType">Metric, Log or Activity Log as sent.</param>
/// <param name="MonitorCondition">Fired or Resolved as sent; null for budgets.</param>
/// <param name="MonitoringService">Platform, Log Alerts V2, ServiceHealth, CostAlerts, …</param>
/// <param name="AlertTargetIds">ARM ids of the affected resources; empty when absent.</param>
/// <param name="FiredDateTime">When it fired, as sent (kept as text: some samples lack an offset).</param>
/// <param name="Description">The rule's description.</param>
public sealed record AlertEssentials(
    string AlertId,
    string? AlertRule,
    string? Severity,
    string? SignalType,
    string? MonitorCondition,
    string? MonitoringService,
    IReadOnlyList<string> AlertTargetIds,
    string? FiredDateTime,
    string? Description)
{
    /// <summary>The condition an action group sends when an alert fires.</summary>
    public const string Fired = "Fired";

    /// <summary>The condition an action group sends when the alert's condition clears.</summary>
    public const string Resolved = "Resolved";

    /// <summary>True when <see cref="MonitorCondition"/> is Fired (case-insensitive).</summary>
    public bool IsFired => string.Equals(MonitorCondition, Fired, StringComparison.OrdinalIgnoreCase);
}
