using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;

namespace ModelMonitor.Service.Reports;

/// <summary>
/// Groups alert episodes into incidents for the timeline: by the incident id an episode was opened in, or by model for
/// episodes opened outside a grouped run (no incident id).
/// </summary>
public static class IncidentTimeline
{
    public static IReadOnlyList<ReportIncident> Group(IEnumerable<AlertEpisode> episodes)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        return [.. episodes
            .GroupBy(e => e.IncidentId is { Length: > 0 } id ? ("incident", id) : ("model", "model:" + e.ModelId))
            .Select(g =>
            {
                var members = g.OrderBy(e => e.FirstSeen).ThenBy(e => e.ModelId, StringComparer.Ordinal).ThenBy(e => e.ConditionKey, StringComparer.Ordinal).ToList();
                return new ReportIncident(
                    g.Key.Item2,
                    g.Key.Item1,
                    members.Min(e => e.FirstSeen).ToUnixTimeSeconds(),
                    members.Max(e => e.LastSeen).ToUnixTimeSeconds(),
                    Name(members.Max(e => e.PeakSeverity)),
                    [.. members.Select(ToReport)]);
            })
            .OrderByDescending(i => i.LastSeen)
            .ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    private static ReportEpisode ToReport(AlertEpisode e) => new(
        e.Id, e.ModelId, e.ModelVersion, e.Kind, e.Subkind, e.Feature, e.State.ToString().ToLowerInvariant(), Name(e.PeakSeverity), e.Occurrences,
        e.FirstSeen.ToUnixTimeSeconds(), e.LastSeen.ToUnixTimeSeconds(), e.CauseModelId, e.Message);

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();
}
