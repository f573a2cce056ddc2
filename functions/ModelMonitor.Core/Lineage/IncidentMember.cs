using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Lineage;

/// <summary>One alert of an incident, with how it relates to the root.</summary>
/// <param name="IncidentId">The incident it belongs to.</param>
/// <param name="RootModelId">The incident's root model (the likely cause).</param>
/// <param name="Alert">The alert.</param>
/// <param name="Relation">Root or downstream.</param>
/// <param name="Path">Models from the root down to the alert's model, both included (<c>[root]</c> for root alerts).</param>
public sealed record IncidentMember(string IncidentId, string RootModelId, MonitorAlert Alert, AlertRelation Relation, IReadOnlyList<string> Path)
{
    /// <summary>True for downstream alerts: the incident's root alerts page for them.</summary>
    public bool DoNotPageSeparately => Relation == AlertRelation.Downstream;
}
