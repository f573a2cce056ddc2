using System.Text.Json;

namespace ModelMonitor.Functions.Api;

/// <summary>Lenient reading of small JSON command bodies: a result with a reason, never an exception.</summary>
public static class JsonBody
{
    /// <returns>The root object, or null with why not.</returns>
    public static (JsonDocument? Document, string? Error) ParseObject(byte[] body, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length == 0 && allowEmpty)
        {
            return (JsonDocument.Parse("{}"), null);
        }

        try
        {
            var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (null, "The body must be a JSON object.");
            }

            return (document, null);
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not valid JSON: {ex.Message}");
        }
    }

    /// <returns>The string property, null when absent; an error when present with another type.</returns>
    public static (string? Value, string? Error) String(JsonElement root, string name, int maxLength)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return (null, $"'{name}' must be a string.");
        }

        var text = value.GetString()!;
        return text.Length > maxLength ? (null, $"'{name}' is longer than {maxLength} characters.") : (text, null);
    }

    /// <returns>The boolean property, <paramref name="fallback"/> when absent; an error when present with another type.</returns>
    public static (bool Value, string? Error) Boolean(JsonElement root, string name, bool fallback)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (fallback, null);
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? (value.GetBoolean(), null) : (fallback, $"'{name}' must be true or false.");
    }
}
