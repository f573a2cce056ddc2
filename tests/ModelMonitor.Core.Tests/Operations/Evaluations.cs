using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Operations;

namespace ModelMonitor.Core.Tests.Operations;

/// <summary>Runs the operational checks hour after hour, as the hourly timer would.</summary>
internal static class Evaluations
{
    public static List<MonitorAlert> EveryHour(ServingSeries series, OperationalPolicy policy, DateTimeOffset firstHourEnd, DateTimeOffset lastHourEnd)
    {
        var alerts = new List<MonitorAlert>();
        for (var end = firstHourEnd; end <= lastHourEnd; end = end.AddHours(1))
        {
            alerts.AddRange(OperationalChecks.Evaluate(series, policy, end).Alerts);
        }

        return alerts;
    }

    public static string Describe(IEnumerable<MonitorAlert> alerts) =>
        string.Join(Environment.NewLine, alerts.Take(10).Select(a => $"{a.Kind}/{a.Subkind} {a.ModelVersion} {a.WindowStart:O}: {a.Message}"));
}
