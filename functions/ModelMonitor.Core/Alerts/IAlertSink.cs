using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Alerts;

/// <summary>
/// Where raised alerts go. The one seam between checks and the alert lifecycle (episodes, cooldown, routing),
/// which can change behind it without touching the checks.
/// </summary>
public interface IAlertSink
{
    /// <summary>Records alerts; an alert whose <see cref="MonitorAlert.DedupKey"/> was recorded before is not recorded again.</summary>
    /// <returns>The alerts that were new.</returns>
    Task<IReadOnlyList<MonitorAlert>> RaiseAsync(IReadOnlyList<MonitorAlert> alerts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records one evaluation: its alerts and which kinds it evaluated, so a lifecycle can count evaluated-clear
    /// conditions towards resolving their episodes. Sinks without a lifecycle record the alerts only.
    /// </summary>
    /// <returns>The alerts that were news (for a lifecycle: those that opened an episode).</returns>
    Task<IReadOnlyList<MonitorAlert>> RecordAsync(AlertEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return RaiseAsync(evaluation.Alerts, cancellationToken);
    }
}
