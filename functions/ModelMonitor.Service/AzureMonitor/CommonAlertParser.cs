using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace ModelMonitor.Service.AzureMonitor;

/// <summary>
/// Reads an action-group webhook body in the Azure Monitor Common Alert Schema. Lenient by design: Microsoft's own
/// samples have string thresholds, integer channels, null essentials and placeholder ids, so only the envelope is
/// checked; <c>essentials</c> fields are read as text whatever their JSON type and <c>alertContext</c> stays raw.
/// Other schemas (metric alert V2, the classic activity log and log alert payloads) are refused with a reason.
/// </summary>
public static class CommonAlertParser
{
    /// <summary>The <c>schemaId</c> of the Common Alert Schema.</summary>
    public const string SchemaId = "azureMonitorCommonAlertSchema";

    /// <summary>The <c>schemaId</c> of the budget test-action payload Microsoft publishes with the common schema samples.</summary>
    public const string BudgetNotificationSchemaId = "AIP Budget Notification";

    private const string Expected = "Expected the Azure Monitor Common Alert Schema ({\"schemaId\":\"azureMonitorCommonAlertSchema\",\"data\":{\"essentials\":{…},\"alertContext\":{…}}}): enable \"Use common alert schema\" on the action group's webhook.";

    /// <summary>Parses one payload; never throws on bad input.</summary>
    public static CommonAlertParseResult Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            return CommonAlertParseResult.Fail($"The body is not valid JSON ({ex.Message}). {Expected}", otherSchema: false);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return CommonAlertParseResult.Fail($"The body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object. {Expected}", otherSchema: false);
            }

            var schemaId = Text(root, "schemaId");
            if (string.Equals(schemaId, BudgetNotificationSchemaId, StringComparison.OrdinalIgnoreCase))
            {
                return FromBudgetNotification(root, body.Span);
            }

            if (!string.Equals(schemaId, SchemaId, StringComparison.OrdinalIgnoreCase))
            {
                var which = schemaId is null ? "a payload without a schemaId (a classic log or activity log alert?)" : $"schemaId \"{schemaId}\"";
                return CommonAlertParseResult.Fail($"Unsupported alert payload: {which}. {Expected}", otherSchema: true);
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty("essentials", out var essentials) || essentials.ValueKind != JsonValueKind.Object)
            {
                return CommonAlertParseResult.Fail($"The payload says schemaId \"{SchemaId}\" but has no data.essentials object. {Expected}", otherSchema: false);
            }

            return CommonAlertParseResult.Ok(new CommonAlert(
                ReadEssentials(essentials, body.Span),
                data.TryGetProperty("alertContext", out var context) && context.ValueKind != JsonValueKind.Null ? context.GetRawText() : null,
                ReadProperties(data)));
        }
    }

    private static AlertEssentials ReadEssentials(JsonElement essentials, ReadOnlySpan<byte> body) => new(
        Text(essentials, "alertId") ?? ContentId(body),
        Text(essentials, "alertRule"),
        Text(essentials, "severity"),
        Text(essentials, "signalType"),
        Text(essentials, "monitorCondition"),
        Text(essentials, "monitoringService"),
        TextList(essentials, "alertTargetIDs"),
        Text(essentials, "firedDateTime"),
        Text(essentials, "description"));

    // Microsoft's budget test action sends this flat shape: kept as a budget alert so it is recorded, never acted on.
    private static CommonAlertParseResult FromBudgetNotification(JsonElement root, ReadOnlySpan<byte> body)
    {
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return CommonAlertParseResult.Fail($"The budget notification has no data object. {Expected}", otherSchema: true);
        }

        var budget = Text(data, "BudgetName");
        var id = budget is null
            ? ContentId(body)
            : string.Join('/', "budget", Text(data, "SubscriptionId"), Text(data, "ResourceGroup"), budget, Text(data, "NotificationThresholdAmount"), Text(data, "BudgetStartDate"));
        var essentials = new AlertEssentials(id, budget, null, null, null, "Budget", [], null, null);
        return CommonAlertParseResult.Ok(new CommonAlert(essentials, data.GetRawText(), new Dictionary<string, string?>()));
    }

    private static Dictionary<string, string?> ReadProperties(JsonElement data)
    {
        var properties = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (data.TryGetProperty("customProperties", out var custom) && custom.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in custom.EnumerateObject())
            {
                properties[property.Name] = AsText(property.Value);
            }
        }

        return properties;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? AsText(value) : null;

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static List<string> TextList(JsonElement element, string name)
    {
        var list = new List<string>();
        if (!element.TryGetProperty(name, out var value))
        {
            return list;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (AsText(item) is { Length: > 0 } text)
                {
                    list.Add(text);
                }
            }
        }
        else if (AsText(value) is { Length: > 0 } single)
        {
            list.Add(single);
        }

        return list;
    }

    // A payload without an alert id still needs a stable identity so a redelivery is recognised.
    private static string ContentId(ReadOnlySpan<byte> body) =>
        string.Create(CultureInfo.InvariantCulture, $"sha256:{Convert.ToHexStringLower(SHA256.HashData(body))}");
}
