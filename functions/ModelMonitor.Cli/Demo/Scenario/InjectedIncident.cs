namespace ModelMonitor.Cli.Demo.Scenario;

/// <summary>
/// One incident the local run injects on purpose, so its scorecard can tell whether the monitoring found it.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>fraud-recall-drop</c>.</param>
/// <param name="Models">Models whose episodes count for this incident (a cascade names the upstream and its downstream).</param>
/// <param name="Kinds">Alert kinds that detect it, each <c>kind</c> or <c>kind/subkind</c> (as the auto-rollback policy spells them).</param>
/// <param name="Start">First instant (event time) the incident is in the stream.</param>
/// <param name="Description">One sentence: what was injected.</param>
public sealed record InjectedIncident(string Id, IReadOnlyList<string> Models, IReadOnlyList<string> Kinds, DateTimeOffset Start, string Description)
{
    public string Id { get; } = !string.IsNullOrWhiteSpace(Id) ? Id : throw new ArgumentException("An incident needs an id.", nameof(Id));

    public IReadOnlyList<string> Models { get; } = Models is { Count: > 0 } ? Models : throw new ArgumentException("An incident needs at least one model.", nameof(Models));

    public IReadOnlyList<string> Kinds { get; } = Kinds is { Count: > 0 } ? Kinds : throw new ArgumentException("An incident needs at least one alert kind.", nameof(Kinds));

    /// <summary>
    /// Whether an episode of <paramref name="modelId"/>, <paramref name="kind"/>/<paramref name="subkind"/> whose first
    /// window ends at <paramref name="windowEnd"/> is this incident showing: same model, an expected kind, and a window
    /// that reaches into the incident (an alert on data from before the injection cannot be caused by it).
    /// </summary>
    public bool Explains(string modelId, string kind, string? subkind, DateTimeOffset windowEnd) =>
        Models.Contains(modelId, StringComparer.Ordinal)
        && windowEnd > Start
        && Kinds.Any(k => k == kind || (subkind is not null && k == kind + "/" + subkind));
}
