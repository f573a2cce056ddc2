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

    /// <summary>
    /// The condition keys (<see cref="AlertPersistence.ConditionKey(MonitorAlert)"/>) of a stored check result: its
    /// <c>conditions</c>, or its <c>alerts</c> for documents written before persistence existed. Null when the document
    /// is not a check result, so a damaged history entry counts as "did not hold" instead of failing the check.
    /// </summary>
    public static IReadOnlySet<string>? ReadConditionKeys(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(utf8Json.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !(document.RootElement.TryGetProperty("conditions", out JsonElement list) || document.RootElement.TryGetProperty("alerts", out list))
                || list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonElement alert in list.EnumerateArray())
            {
                if (alert.ValueKind == JsonValueKind.Object && alert.TryGetProperty("kind", out JsonElement kind) && kind.ValueKind == JsonValueKind.String)
                {
                    keys.Add(AlertPersistence.ConditionKey(kind.GetString()!, Text(alert, "subkind"), Text(alert, "feature")));
                }
            }

            return keys;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
