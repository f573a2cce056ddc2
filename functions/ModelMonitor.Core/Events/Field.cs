namespace ModelMonitor.Core.Events;

/// <summary>The contract-v1 fields the parser reads; everything else is skipped.</summary>
internal enum Field : byte
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
