using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModelMonitor.Client;

/// <summary>
/// Writes events as contract v1 JSON (camelCase, nulls omitted, UTC timestamps with milliseconds ending in
/// <c>Z</c>) with <see cref="Utf8JsonWriter"/>: no reflection, no culture, round-trip-exact doubles.
/// </summary>
/// <remarks>
/// Non-ASCII text is written as UTF-8 rather than <c>\uXXXX</c> escapes (relaxed escaping): the bodies go to
/// Event Hubs, never into HTML, and it keeps messages small. Thread-safe; each thread reuses one buffer.
/// </remarks>
public static class EventSerializer
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    // Beyond this a thread's buffer is released after use rather than kept for the next event.
    private const int MaxRetainedBufferBytes = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;

    /// <summary>The UTF-8 JSON body of <paramref name="predictionEvent"/>.</summary>
    /// <exception cref="ArgumentException">The body exceeds <see cref="EventLimits.MaxMessageBytes"/>.</exception>
    public static byte[] Serialize(PredictionEvent predictionEvent)
    {
        ArgumentNullException.ThrowIfNull(predictionEvent);
        return SerializeCore(predictionEvent, Write, nameof(predictionEvent));
    }

    /// <summary>The UTF-8 JSON body of <paramref name="outcomeEvent"/>.</summary>
    /// <exception cref="ArgumentException">The body exceeds <see cref="EventLimits.MaxMessageBytes"/>.</exception>
    public static byte[] Serialize(OutcomeEvent outcomeEvent)
    {
        ArgumentNullException.ThrowIfNull(outcomeEvent);
        return SerializeCore(outcomeEvent, Write, nameof(outcomeEvent));
    }

    /// <summary>Writes <paramref name="predictionEvent"/> as one JSON object (no size check).</summary>
    public static void Write(Utf8JsonWriter writer, PredictionEvent predictionEvent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(predictionEvent);
        var e = predictionEvent;
        writer.WriteStartObject();
        writer.WriteString(JsonFields.Schema, JsonFields.PredictionV1);
        writer.WriteString(JsonFields.EventId, e.EventId);
        writer.WriteString(JsonFields.ModelId, e.ModelId);
        writer.WriteString(JsonFields.ModelVersion, e.ModelVersion);
        WriteTimestamp(writer, JsonFields.Timestamp, e.Timestamp);
        WriteOptional(writer, JsonFields.CallerId, e.CallerId);
        WriteOptional(writer, JsonFields.Slot, e.Slot);
        WriteFeatures(writer, e.Features);

        WriteOptional(writer, JsonFields.Prediction, e.Prediction);
        WriteOptional(writer, JsonFields.PredictedLabel, e.PredictedLabel);
        WriteOptional(writer, JsonFields.LatencyMs, e.LatencyMs);
        WriteOptional(writer, JsonFields.CpuMs, e.CpuMs);
        WriteOptional(writer, JsonFields.MemoryMb, e.MemoryMb);
        WriteOptional(writer, JsonFields.Status, e.Status);
        WriteOptional(writer, JsonFields.Items, e.Items);
        if (e.Upstream is { } upstream)
        {
            writer.WriteStartArray(JsonFields.Upstream);
            foreach (var reference in upstream)
            {
                writer.WriteStartObject();
                writer.WriteString(JsonFields.ModelId, reference.ModelId);
                writer.WriteString(JsonFields.EventId, reference.EventId);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes <paramref name="outcomeEvent"/> as one JSON object (no size check).</summary>
    public static void Write(Utf8JsonWriter writer, OutcomeEvent outcomeEvent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(outcomeEvent);
        var e = outcomeEvent;
        writer.WriteStartObject();
        writer.WriteString(JsonFields.Schema, JsonFields.OutcomeV1);
        writer.WriteString(JsonFields.EventId, e.EventId);
        writer.WriteString(JsonFields.ModelId, e.ModelId);
        writer.WriteString(JsonFields.ModelVersion, e.ModelVersion);
        WriteTimestamp(writer, JsonFields.Timestamp, e.Timestamp);
        if (e.ObservedAt is { } observedAt)
        {
            WriteTimestamp(writer, JsonFields.ObservedAt, observedAt);
        }

        WriteOptional(writer, JsonFields.Label, e.Label);
        WriteOptional(writer, JsonFields.Prediction, e.Prediction);
        WriteOptional(writer, JsonFields.PredictedLabel, e.PredictedLabel);
        WriteFeatures(writer, e.Features);
        WriteOptional(writer, JsonFields.ClickedItems, e.ClickedItems);
        writer.WriteEndObject();
    }

    private static void WriteFeatures(Utf8JsonWriter writer, IReadOnlyDictionary<string, FeatureValue>? features)
    {
        if (features is null)
        {
            return;
        }

        writer.WriteStartObject(JsonFields.Features);
        foreach (var (name, value) in features)
        {
            writer.WritePropertyName(name);
            WriteFeatureValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static byte[] SerializeCore<T>(T value, Action<Utf8JsonWriter, T> write, string paramName)
    {
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = _threadWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            write(writer, value);
            writer.Flush();
            if (buffer.WrittenCount > EventLimits.MaxMessageBytes)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The serialized event is {buffer.WrittenCount:N0} bytes, over the {EventLimits.MaxMessageBytes:N0}-byte (1 MiB) message limit of contract v1; send fewer or shorter features or items."),
                    paramName);
            }

            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity > MaxRetainedBufferBytes)
            {
                _threadBuffer = null;
                _threadWriter = null;
            }
        }
    }

    private static void WriteFeatureValue(Utf8JsonWriter writer, FeatureValue value)
    {
        switch (value.Kind)
        {
            case FeatureValueKind.Number:
                value.TryGetNumber(out var number);
                WriteNumberOrSpecial(writer, number);
                break;
            case FeatureValueKind.String:
                value.TryGetString(out var text);
                writer.WriteStringValue(text);
                break;
            case FeatureValueKind.Boolean:
                value.TryGetBoolean(out var flag);
                writer.WriteBooleanValue(flag);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    // JSON has no NaN or Infinity; contract v1 spells them as strings.
    private static void WriteNumberOrSpecial(Utf8JsonWriter writer, double number)
    {
        if (double.IsFinite(number))
        {
            writer.WriteNumberValue(number);
        }
        else if (double.IsNaN(number))
        {
            writer.WriteStringValue(JsonFields.NaN);
        }
        else
        {
            writer.WriteStringValue(double.IsPositiveInfinity(number) ? JsonFields.PositiveInfinity : JsonFields.NegativeInfinity);
        }
    }

    // Utf8JsonWriter's own DateTimeOffset format is "+00:00" and trims zero milliseconds; the contract wants ".fffZ".
    private static void WriteTimestamp(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value)
    {
        Span<byte> utf8 = stackalloc byte[32];
        if (!value.UtcDateTime.TryFormat(utf8, out var written, TimestampFormat, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A timestamp did not fit its 32-byte buffer.");
        }

        writer.WriteString(name, utf8[..written]);
    }

    private static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, PredictionValue? value)
    {
        if (value is not { } prediction)
        {
            return;
        }

        if (prediction.TryGetLabel(out var label))
        {
            writer.WriteString(name, label);
        }
        else
        {
            prediction.TryGetNumber(out var number);
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
