using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Lineage;

namespace ModelMonitor.Core.Tests.Lineage;

internal static class LineageTestData
{
    public static readonly DateTimeOffset Period = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    public static LineageGraph Graph(params (string Upstream, string Downstream)[] edges) =>
        new(edges.Select(static e => new LineageEdge(e.Upstream, e.Downstream, LineageEdgeSources.Configured)));

    /// <summary>An hourly alert of <paramref name="model"/> whose window starts <paramref name="minutes"/> after 10:00.</summary>
    public static MonitorAlert Alert(string model, int minutes, Severity severity = Severity.Warning, string kind = AlertKind.ErrorRate, int lengthMinutes = 60)
    {
        var start = Period.AddHours(10).AddMinutes(minutes);
        return new MonitorAlert(kind, null, model, "1", null, severity, start, start.AddMinutes(lengthMinutes), new Dictionary<string, double?> { ["n"] = 100 });
    }
}
