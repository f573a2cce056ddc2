using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Alerts;

/// <summary>
/// One alert episode: a condition (<see cref="MonitorAlert.ConditionKey"/>) from the first window it fired in until it
/// has been clear for enough evaluations. Immutable; <see cref="EpisodeTransition"/> computes the next one.
/// </summary>
public sealed record AlertEpisode
{
    /// <summary>The condition: kind|subkind|model|version|feature, no window.</summary>
    public required string ConditionKey { get; init; }

    /// <summary>1 for the condition's first episode, then one more each time it returns after a resolution.</summary>
    public required int Number { get; init; }

    public required string Kind { get; init; }

    public string? Subkind { get; init; }

    public required string ModelId { get; init; }

    public required string ModelVersion { get; init; }

    /// <summary>Feature, class or caller; null for model-level conditions.</summary>
    public string? Feature { get; init; }

    public required EpisodeState State { get; init; }

    /// <summary>Severity of the latest firing evaluation.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Highest severity seen in this episode.</summary>
    public required Severity PeakSeverity { get; init; }

    /// <summary>Evaluations whose window advanced the episode (re-evaluations of a window already seen do not count).</summary>
    public required int Occurrences { get; init; }

    /// <summary>When the episode opened (evaluation time).</summary>
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>When the condition was last found true (evaluation time).</summary>
    public required DateTimeOffset LastSeen { get; init; }

    public required DateTimeOffset LatestWindowStart { get; init; }

    public required DateTimeOffset LatestWindowEnd { get; init; }

    /// <summary>Evidence of the latest firing evaluation.</summary>
    public required IReadOnlyDictionary<string, double?> Evidence { get; init; }

    public string? Message { get; init; }

    /// <summary>Clear evaluations in a row since the latest firing window.</summary>
    public int ClearStreak { get; init; }

    /// <summary>End of the newest window counted as clear, so a window re-evaluated clear counts once.</summary>
    public DateTimeOffset? LastClearWindowEnd { get; init; }

    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>When a notification was last decided for this episode (the cooldown runs from here).</summary>
    public DateTimeOffset? LastNotifiedAt { get; init; }

    /// <summary>Severity of the last notification; a higher severity notifies even within the cooldown.</summary>
    public Severity? LastNotifiedSeverity { get; init; }

    /// <summary>
    /// The incident the episode was opened in (see <see cref="Lineage.IncidentGrouper"/>); null when it opened outside a
    /// grouped run. Kept for the episode's life, so a condition that persists stays in the incident it started in.
    /// </summary>
    public string? IncidentId { get; init; }

    /// <summary>
    /// The upstream model whose alerts likely caused this one (the incident's root), for an episode opened downstream in
    /// a cascade; null otherwise. Such an episode never notifies on its own: the root's notification speaks for it.
    /// </summary>
    public string? CauseModelId { get; init; }

    /// <summary>A stable id for this episode of this condition, for links and acknowledgements.</summary>
    public string Id => $"{ConditionKey}#{Number}";

    /// <summary>Whether the episode is still open (firing or acknowledged).</summary>
    public bool IsOpen => State != EpisodeState.Resolved;
}
