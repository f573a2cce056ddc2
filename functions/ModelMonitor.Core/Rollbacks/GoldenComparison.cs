using System.Globalization;
using System.Text.Json;

namespace ModelMonitor.Core.Rollbacks;

/// <summary>
/// Compares a scoring response with a golden example's <c>expected</c>: numbers within an absolute tolerance, everything
/// else exactly (strings, booleans, null, array lengths). An expected object names the properties that matter: the
/// response may carry more (a version, a request id), which are ignored; every expected property must be present.
/// </summary>
public static class GoldenComparison
{
    /// <returns>Null when the response matches; otherwise the first difference with its JSON path.</returns>
    public static string? FindMismatch(JsonElement expected, JsonElement actual, double tolerance) =>
        Compare(expected, actual, tolerance, "$");

    /// <inheritdoc cref="FindMismatch(JsonElement, JsonElement, double)"/>
    public static string? FindMismatch(string expectedJson, string actualJson, double tolerance)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        JsonDocument actual;
        try
        {
            actual = JsonDocument.Parse(actualJson);
        }
        catch (JsonException)
        {
            return "$: the response is not JSON";
        }

        using (actual)
        {
            return FindMismatch(expected.RootElement, actual.RootElement, tolerance);
        }
    }

    private static string? Compare(JsonElement expected, JsonElement actual, double tolerance, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Number:
                if (actual.ValueKind != JsonValueKind.Number)
                {
                    return $"{path}: expected a number {expected.GetRawText()}, got {Describe(actual)}";
                }

                var e = expected.GetDouble();
                var a = actual.GetDouble();
                return Math.Abs(e - a) <= tolerance
                    ? null
                    : string.Create(CultureInfo.InvariantCulture, $"{path}: expected {e:R} ± {tolerance:R}, got {a:R}");
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object)
                {
                    return $"{path}: expected an object, got {Describe(actual)}";
                }

                foreach (var property in expected.EnumerateObject())
                {
                    if (!actual.TryGetProperty(property.Name, out var value))
                    {
                        return $"{path}.{property.Name}: missing from the response";
                    }

                    if (Compare(property.Value, value, tolerance, $"{path}.{property.Name}") is { } mismatch)
                    {
                        return mismatch;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array)
                {
                    return $"{path}: expected an array, got {Describe(actual)}";
                }

                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{path}: expected {expected.GetArrayLength()} items, got {actual.GetArrayLength()}");
                }

                var index = 0;
                foreach (var (x, y) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    if (Compare(x, y, tolerance, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]")) is { } mismatch)
                    {
                        return mismatch;
                    }
                }

                return null;
            case JsonValueKind.String:
                return actual.ValueKind == JsonValueKind.String && string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal)
                    ? null
                    : $"{path}: expected {expected.GetRawText()}, got {Describe(actual)}";
            default:
                // true, false, null: the kinds must agree.
                return expected.ValueKind == actual.ValueKind ? null : $"{path}: expected {expected.GetRawText()}, got {Describe(actual)}";
        }
    }

    private static string Describe(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
