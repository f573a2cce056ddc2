namespace ModelMonitor.Core.Lineage;

/// <summary>The incidents of one period, and each alert's place in them.</summary>
public sealed class IncidentGrouping
{
    private readonly Dictionary<string, IncidentMember> _byDedupKey;

    internal IncidentGrouping(IReadOnlyList<Incident> incidents)
    {
        Incidents = incidents;
        _byDedupKey = incidents.SelectMany(static i => i.Members).ToDictionary(static m => m.Alert.DedupKey, StringComparer.Ordinal);
    }

    /// <summary>Every incident, ordered by first seen, then id. Every input alert is in exactly one.</summary>
    public IReadOnlyList<Incident> Incidents { get; }

    /// <summary>The annotation of the alert with this <see cref="Checks.MonitorAlert.DedupKey"/>; null when it was not grouped.</summary>
    public IncidentMember? Find(string dedupKey)
    {
        ArgumentNullException.ThrowIfNull(dedupKey);
        return _byDedupKey.GetValueOrDefault(dedupKey);
    }
}
