using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.Cycle;

namespace ModelMonitor.Cli.Demo;

/// <summary>What the demo's hourly monitoring cycles did: each step, and the episodes they opened.</summary>
internal sealed record DemoChecks(IReadOnlyList<CycleRunResult> Steps, IReadOnlyList<OpenedEpisode> Opened)
{
    /// <summary>Incidents that opened episodes, and of those the cascades (downstream episodes folded into the root's).</summary>
    public (int Incidents, int Cascades) IncidentCounts()
    {
        var incidents = Opened.Where(o => o.Episode?.IncidentId is not null).GroupBy(o => o.Episode!.IncidentId!, StringComparer.Ordinal).ToList();
        return (incidents.Count, incidents.Count(g => g.Any(o => o.Episode!.CauseModelId is not null)));
    }
}
