using System.Text.Json;

namespace ModelMonitor.Core.Checks;

/// <summary>JSON for <see cref="DriftReport"/> (see <see cref="CheckJsonContext"/> for the conventions).</summary>
public static class DriftReportJson
{
    public static string Serialize(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, CheckJsonContext.Default.DriftReport);
    }
}
