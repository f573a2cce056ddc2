using System.Text.Json;
using ModelMonitor.Core.Checks;
using ModelMonitor.Service.Alerts;

namespace ModelMonitor.Cli.Output;

/// <summary>
/// A replay's JSON lines: one per new alert episode,
/// <c>{"kind","subkind","modelId","modelVersion","feature","callerId","severity","windowStart","windowEnd","evidence":{…},"incidentId"}</c>
/// (null where not relevant: an abuse alert names its caller in <c>callerId</c> and has no feature), then one line of
/// counts by kind.
/// </summary>
internal static class EpisodeOutput
{
    public static void WriteEpisode(TextWriter output, OpenedEpisode opened)
    {
        var alert = opened.Alert;
        bool isCaller = alert.Kind == AlertKind.Abuse;
        JsonOutput.WriteLine(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("kind", alert.Kind);
            w.WriteString("subkind", alert.Subkind);
            w.WriteString("modelId", alert.ModelId);
            w.WriteString("modelVersion", alert.ModelVersion);
            w.WriteString("feature", isCaller ? null : alert.Feature);
            w.WriteString("callerId", isCaller ? alert.Feature : null);
            w.WriteString("severity", alert.Severity.ToString().ToLowerInvariant());
            w.WriteString("windowStart", JsonOutput.FormatTime(alert.WindowStart));
            w.WriteString("windowEnd", JsonOutput.FormatTime(alert.WindowEnd));
            w.WriteStartObject("evidence");
            foreach (var (name, value) in alert.Evidence)
            {
                if (value is { } number)
                {
                    w.WriteNumber(name, number);
                }
                else
                {
                    w.WriteNull(name);
                }
            }

            w.WriteEndObject();
            w.WriteString("incidentId", opened.Episode?.IncidentId);
            w.WriteEndObject();
        });
    }

    /// <summary><c>{"counts":{kind:n,…},"episodes":n,"incidents":n,"cascades":n}</c>: every kind, zeros included, so scripts can rely on the keys.</summary>
    public static void WriteCounts(TextWriter output, IReadOnlyList<OpenedEpisode> opened)
    {
        JsonOutput.WriteLine(output, w => WriteCounts(w, opened));
    }

    private static void WriteCounts(Utf8JsonWriter w, IReadOnlyList<OpenedEpisode> opened)
    {
        w.WriteStartObject();
        w.WriteStartObject("counts");
        foreach (var kind in AlertKind.All)
        {
            w.WriteNumber(kind, opened.Count(o => o.Alert.Kind == kind));
        }

        w.WriteEndObject();
        w.WriteNumber("episodes", opened.Count);
        var incidents = opened.Where(o => o.Episode?.IncidentId is not null).GroupBy(o => o.Episode!.IncidentId!, StringComparer.Ordinal).ToList();
        w.WriteNumber("incidents", incidents.Count);
        w.WriteNumber("cascades", incidents.Count(g => g.Any(o => o.Episode!.CauseModelId is not null)));
        w.WriteEndObject();
    }
}
