namespace ModelMonitor.Cli.Demo.Scenario;

/// <summary>How the monitoring did on one injected incident.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="Episodes">Episodes it explains, in the order of their first window; empty when missed.</param>
/// <param name="WindowsToDetect">
/// Windows from the incident's start to the end of the first window whose episode detected it (1: found in the window it
/// started in); null when missed.
/// </param>
public sealed record IncidentScore(InjectedIncident Incident, IReadOnlyList<ScorecardEpisode> Episodes, int? WindowsToDetect)
{
    public bool Detected => Episodes.Count > 0;
}
