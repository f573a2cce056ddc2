namespace ModelMonitor.Contract;

/// <summary>The fields of contract v1; the value indexes <see cref="ContractFields.All"/>.</summary>
public enum ContractField : byte
{
    Unknown,
    Schema,
    EventId,
    ModelId,
    ModelVersion,
    Timestamp,
    ObservedAt,
    CallerId,
    Slot,
    Status,
    PredictedLabel,
    Features,
    Prediction,
    Label,
    LatencyMs,
    CpuMs,
    MemoryMb,
    Items,
    ClickedItems,
    Upstream,
}
