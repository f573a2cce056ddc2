using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModelMonitor.Client;

/// <summary>Property names of contract v1, encoded once.</summary>
internal static class JsonFields
{
    public static readonly JsonEncodedText Schema = Encode("schema");
    public static readonly JsonEncodedText EventId = Encode("eventId");
    public static readonly JsonEncodedText ModelId = Encode("modelId");
    public static readonly JsonEncodedText ModelVersion = Encode("modelVersion");
    public static readonly JsonEncodedText Timestamp = Encode("timestamp");
    public static readonly JsonEncodedText CallerId = Encode("callerId");
    public static readonly JsonEncodedText Slot = Encode("slot");
    public static readonly JsonEncodedText Features = Encode("features");
    public static readonly JsonEncodedText Prediction = Encode("prediction");
    public static readonly JsonEncodedText PredictedLabel = Encode("predictedLabel");
    public static readonly JsonEncodedText LatencyMs = Encode("latencyMs");
    public static readonly JsonEncodedText CpuMs = Encode("cpuMs");
    public static readonly JsonEncodedText MemoryMb = Encode("memoryMb");
    public static readonly JsonEncodedText Status = Encode("status");
    public static readonly JsonEncodedText Items = Encode("items");
    public static readonly JsonEncodedText Upstream = Encode("upstream");
    public static readonly JsonEncodedText ObservedAt = Encode("observedAt");
    public static readonly JsonEncodedText Label = Encode("label");
    public static readonly JsonEncodedText ClickedItems = Encode("clickedItems");

    public static readonly JsonEncodedText PredictionV1 = Encode(EventSchemas.PredictionV1);
    public static readonly JsonEncodedText OutcomeV1 = Encode(EventSchemas.OutcomeV1);
    public static readonly JsonEncodedText NaN = Encode("NaN");
    public static readonly JsonEncodedText PositiveInfinity = Encode("Infinity");
    public static readonly JsonEncodedText NegativeInfinity = Encode("-Infinity");

    private static JsonEncodedText Encode(string value) => JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
}
