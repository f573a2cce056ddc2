using System.Text.Json;

namespace ModelMonitor.Service.AzureMonitor;

/// <summary>
/// Reads targets leniently from the rollback configuration
/// (<c>{"targets":{"&lt;modelId&gt;":{"subscriptionId","resourceGroup","site","onAzureMonitorAlert"}}}</c>): the full
/// document is validated by its owner, so a target lacking a site here is skipped rather than refused.
/// </summary>
public static class RollbackTargetsDocument
{
    /// <returns>The targets, or an empty list for a document without any.</returns>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static IReadOnlyList<RollbackTarget> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var targets = new List<RollbackTarget>();
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("targets", out var map) || map.ValueKind != JsonValueKind.Object)
        {
            return targets;
        }

        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var sub = Text(entry.Value, "subscriptionId");
            var rg = Text(entry.Value, "resourceGroup");
            var site = Text(entry.Value, "site");
            var siteId = sub is null || rg is null || site is null ? string.Empty : SiteResourceId(sub, rg, site);
            var recordOnly = string.Equals(Text(entry.Value, "onAzureMonitorAlert"), "record", StringComparison.OrdinalIgnoreCase);
            targets.Add(new RollbackTarget(entry.Name, siteId, recordOnly));
        }

        return targets;
    }

    /// <summary>The ARM id of a web app.</summary>
    public static string SiteResourceId(string subscriptionId, string resourceGroup, string site) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Web/sites/{site}";

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
