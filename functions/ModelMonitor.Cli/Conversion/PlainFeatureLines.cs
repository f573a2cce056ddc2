using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Client;

namespace ModelMonitor.Cli.Conversion;

/// <summary>
/// Training JSONL may be plain feature objects (<c>{"amount":12.5,"country":"DE"}</c>) rather than contract-v1 events:
/// such a line becomes a prediction event with those features, so the reference goes through the same parser as ingest.
/// A line is a plain object when it is a JSON object without <c>schema</c>, <c>eventId</c> or <c>modelId</c>.
/// </summary>
internal static class PlainFeatureLines
{
    /// <summary>The time stamped on training rows that have none (a reference's window span is informational).</summary>
    public static readonly DateTimeOffset ReferenceTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The line's bytes as an event body: unchanged unless it is a plain feature object.</summary>
    /// <exception cref="CliUsageException">A plain object holds a nested object or array.</exception>
    public static byte[] ToEventBody(string line, int lineNumber, string modelId, string modelVersion)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return bytes; // the event parser reports it, with the same words as ingest
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || root.TryGetProperty("schema", out _) || root.TryGetProperty("eventId", out _) || root.TryGetProperty("modelId", out _))
            {
                return bytes;
            }

            var features = new Dictionary<string, FeatureValue>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                features[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Number => property.Value.GetDouble(),
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Null => FeatureValue.Null,
                    _ => throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--input: line {lineNumber}: feature '{property.Name}' is an object or array; plain feature objects hold numbers, strings, booleans and nulls.")),
                };
            }

            try
            {
                var eventId = string.Create(CultureInfo.InvariantCulture, $"train-{lineNumber}");
                return EventSerializer.Serialize(new PredictionEvent(eventId, modelId, modelVersion, ReferenceTime) { Features = features });
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--input: line {lineNumber}: {ex.Message}"));
            }
        }
    }
}
