namespace ModelMonitor.Service.AzureMonitor;

/// <summary>The webhook's answer for one alert (also the CLI's <c>azure-alert</c> output).</summary>
/// <param name="AlertId">The alert id.</param>
/// <param name="AlertRule">The rule name.</param>
/// <param name="Severity">As sent.</param>
/// <param name="MonitorCondition">As sent.</param>
/// <param name="ModelId">The matched target's model; null when no target matches.</param>
/// <param name="Action">One of <see cref="AzureAlertActions"/>.</param>
/// <param name="Duplicate">True when this alert id and condition were received before.</param>
/// <param name="InstanceId">The rollback instance started or already running, if any.</param>
public sealed record AzureAlertOutcome(
    string AlertId, string? AlertRule, string? Severity, string? MonitorCondition, string? ModelId, string Action, bool Duplicate, string? InstanceId);
