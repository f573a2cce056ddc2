using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ModelMonitor.Cli.Demo;

/// <summary>Writes contract-v1 message bodies the way a client library would.</summary>
internal static class EventJson
{
    public const string PredictionSchema = "prediction/v1";
    public const string OutcomeSchema = "outcome/v1";

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteHeader(this Utf8JsonWriter writer, string schema, string eventId, string modelId, string modelVersion, DateTimeOffset timestamp)
    {
        writer.WriteString("schema", schema);
        writer.WriteString("eventId", eventId);
        writer.WriteString("modelId", modelId);
        writer.WriteString("modelVersion", modelVersion);
        writer.WriteTime("timestamp", timestamp);
    }

    public static void WriteTime(this Utf8JsonWriter writer, string name, DateTimeOffset time) =>
        writer.WriteString(name, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    /// <summary>A number rounded for realism; null stays null and NaN is sent as the string "NaN", as JSON clients do.</summary>
    public static void WriteValue(this Utf8JsonWriter writer, string name, double? value, int digits = 3)
    {
        if (value is not { } v)
        {
            writer.WriteNull(name);
        }
        else if (double.IsNaN(v))
        {
            writer.WriteString(name, "NaN");
        }
        else
        {
            writer.WriteNumber(name, Math.Round(v, digits));
        }
    }

    /// <summary>Serving numbers every prediction carries.</summary>
    public static void WriteServing(this Utf8JsonWriter writer, double latencyMs, double cpuMs, double memoryMb, string status)
    {
        writer.WriteValue("latencyMs", latencyMs, 2);
        writer.WriteValue("cpuMs", cpuMs, 2);
        writer.WriteValue("memoryMb", memoryMb, 1);
        writer.WriteString("status", status);
    }
}
