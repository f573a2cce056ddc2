using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Lineage;

/// <summary>Alerts of one period that most likely share a cause: the root model's alerts and the cascade below them.</summary>
/// <param name="Id">Deterministic: the same alerts of the same period always give the same id (see <see cref="IncidentGrouper"/>).</param>
/// <param name="RootModelId">The most upstream alerting model, the likely cause.</param>
/// <param name="RootAlerts">The root model's alerts, earliest first.</param>
/// <param name="Members">Every alert of the incident (root alerts included), root alerts first, then by path length, window and key.</param>
/// <param name="FirstSeen">Earliest window start of its alerts.</param>
/// <param name="LastSeen">Latest window end of its alerts.</param>
/// <param name="MaxSeverity">Highest severity of its alerts.</param>
public sealed record Incident(
    string Id,
    string RootModelId,
    IReadOnlyList<MonitorAlert> RootAlerts,
    IReadOnlyList<IncidentMember> Members,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    Severity MaxSeverity)
{
    /// <summary>True when models downstream of the root alerted too.</summary>
    public bool IsCascade => Members.Any(static m => m.Relation == AlertRelation.Downstream);
}
