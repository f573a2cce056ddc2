namespace ModelMonitor.Cli.Demo.Scenario;

/// <summary>What the scorecard needs of an opened alert episode: its condition and its first window.</summary>
/// <param name="EpisodeId">The episode's id (condition key and number).</param>
/// <param name="ModelId">Model the episode is on.</param>
/// <param name="Kind">Alert kind.</param>
/// <param name="Subkind">Subkind (data-quality check, model-quality metric), or null.</param>
/// <param name="Feature">Feature, class or caller, or null.</param>
/// <param name="Severity">Severity when it opened, lower-case.</param>
/// <param name="WindowStart">Start of the window that opened it.</param>
/// <param name="WindowEnd">End of the window that opened it.</param>
/// <param name="CauseModelId">Upstream model that caused it in a cascade, or null.</param>
public sealed record ScorecardEpisode(
    string EpisodeId, string ModelId, string Kind, string? Subkind, string? Feature, string Severity, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string? CauseModelId = null);
