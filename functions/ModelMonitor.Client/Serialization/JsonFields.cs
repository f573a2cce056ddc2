using System.Text.Encodings.Web;
using System.Text.Json;
using ModelMonitor.Contract;

namespace ModelMonitor.Client;

/// <summary>Property names of contract v1, taken from the contract table and encoded once.</summary>
internal static class JsonFields
{
    public static readonly JsonEncodedText Schema = Encode(ContractFields.Name(ContractField.Schema));
    public static readonly JsonEncodedText EventId = Encode(ContractFields.Name(ContractField.EventId));
    public static readonly JsonEncodedText ModelId = Encode(ContractFields.Name(ContractField.ModelId));
    public static readonly JsonEncodedText ModelVersion = Encode(ContractFields.Name(ContractField.ModelVersion));
    public static readonly JsonEncodedText Timestamp = Encode(ContractFields.Name(ContractField.Timestamp));
    public static readonly JsonEncodedText CallerId = Encode(ContractFields.Name(ContractField.CallerId));
    public static readonly JsonEncodedText Slot = Encode(ContractFields.Name(ContractField.Slot));
    public static readonly JsonEncodedText Features = Encode(ContractFields.Name(ContractField.Features));
    public static readonly JsonEncodedText Prediction = Encode(ContractFields.Name(ContractField.Prediction));
    public static readonly JsonEncodedText PredictedLabel = Encode(ContractFields.Name(ContractField.PredictedLabel));
    public static readonly JsonEncodedText LatencyMs = Encode(ContractFields.Name(ContractField.LatencyMs));
    public static readonly JsonEncodedText CpuMs = Encode(ContractFields.Name(ContractField.CpuMs));
    public static readonly JsonEncodedText MemoryMb = Encode(ContractFields.Name(ContractField.MemoryMb));
    public static readonly JsonEncodedText Status = Encode(ContractFields.Name(ContractField.Status));
    public static readonly JsonEncodedText Items = Encode(ContractFields.Name(ContractField.Items));
    public static readonly JsonEncodedText Upstream = Encode(ContractFields.Name(ContractField.Upstream));
    public static readonly JsonEncodedText ObservedAt = Encode(ContractFields.Name(ContractField.ObservedAt));
    public static readonly JsonEncodedText Label = Encode(ContractFields.Name(ContractField.Label));
    public static readonly JsonEncodedText ClickedItems = Encode(ContractFields.Name(ContractField.ClickedItems));

    public static readonly JsonEncodedText PredictionV1 = Encode(EventSchemas.PredictionV1);
    public static readonly JsonEncodedText OutcomeV1 = Encode(EventSchemas.OutcomeV1);
    public static readonly JsonEncodedText NaN = Encode("NaN");
    public static readonly JsonEncodedText PositiveInfinity = Encode("Infinity");
    public static readonly JsonEncodedText NegativeInfinity = Encode("-Infinity");

    private static JsonEncodedText Encode(string value) => JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
}
