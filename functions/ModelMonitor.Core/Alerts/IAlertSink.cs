using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Alerts;

/// <summary>
/// Where raised alerts go. The one seam between checks and the alert lifecycle (dedupe, cooldown, routing),
/// which can change behind it without touching the checks.
/// </summary>
public interface IAlertSink
{
    /// <summary>Records alerts; an alert whose <see cref="MonitorAlert.DedupKey"/> was recorded before is not recorded again.</summary>
    /// <returns>The alerts that were new.</returns>
    Task<IReadOnlyList<MonitorAlert>> RaiseAsync(IReadOnlyList<MonitorAlert> alerts, CancellationToken cancellationToken = default);
}
