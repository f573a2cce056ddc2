namespace ModelMonitor.Cli.Demo.Scenario;

/// <summary>
/// The local run's verdict: each injected incident detected or missed (and how many windows it took), and every
/// episode that no incident explains or that is on a model declared clean (false alarms). Pure: computed from the
/// scenario and the episodes opened, so it is tested without storage.
/// </summary>
/// <param name="Incidents">One score per injected incident, in the scenario's order.</param>
/// <param name="FalseAlarms">Episodes on a clean model or explained by no incident.</param>
/// <param name="EpisodeCount">Episodes scored.</param>
public sealed record Scorecard(IReadOnlyList<IncidentScore> Incidents, IReadOnlyList<ScorecardEpisode> FalseAlarms, int EpisodeCount)
{
    public int Detected => Incidents.Count(i => i.Detected);

    public int Missed => Incidents.Count - Detected;

    /// <summary>Every incident detected and no false alarm: the run's test.</summary>
    public bool Passed => Missed == 0 && FalseAlarms.Count == 0;

    /// <summary>
    /// Scores <paramref name="episodes"/> against <paramref name="incidents"/>. An episode may explain several incidents
    /// (a cascade's downstream drift and a latency regression on the same model are told apart by kind). An episode on a
    /// model in <paramref name="cleanModels"/> is a false alarm even if an incident's kinds would match it: nothing was
    /// injected there.
    /// </summary>
    /// <param name="incidents">What the scenario injected.</param>
    /// <param name="cleanModels">Models with nothing injected that must stay quiet.</param>
    /// <param name="episodes">Episodes the run opened.</param>
    /// <param name="window">Length of an evaluation window (an hour in the local run).</param>
    public static Scorecard Compute(IReadOnlyList<InjectedIncident> incidents, IReadOnlyCollection<string> cleanModels, IReadOnlyList<ScorecardEpisode> episodes, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(cleanModels);
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);

        bool IsClean(ScorecardEpisode e) => cleanModels.Contains(e.ModelId, StringComparer.Ordinal);
        bool Explains(InjectedIncident i, ScorecardEpisode e) => !IsClean(e) && i.Explains(e.ModelId, e.Kind, e.Subkind, e.WindowEnd);

        var scores = incidents.Select(incident =>
        {
            var found = episodes.Where(e => Explains(incident, e)).OrderBy(e => e.WindowEnd).ThenBy(e => e.EpisodeId, StringComparer.Ordinal).ToList();
            int? windows = found.Count == 0 ? null : Math.Max(1, (int)Math.Ceiling((found[0].WindowEnd - incident.Start) / window));
            return new IncidentScore(incident, found, windows);
        }).ToList();
        var falseAlarms = episodes.Where(e => IsClean(e) || !incidents.Any(i => Explains(i, e))).ToList();
        return new Scorecard(scores, falseAlarms, episodes.Count);
    }
}
