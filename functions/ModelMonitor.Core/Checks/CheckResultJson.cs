using System.Text.Json;

namespace ModelMonitor.Core.Checks;

/// <summary>JSON for <see cref="CheckResult"/> (see <see cref="CheckJsonContext"/> for the conventions).</summary>
public static class CheckResultJson
{
    public static string Serialize(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonSerializer.Serialize(result, CheckJsonContext.Default.CheckResult);
    }
}
