namespace ModelMonitor.Core.Events;

/// <summary>
/// Maps a raw UTF-8 property name to its <see cref="Field"/>. Dispatching on length and first byte first means
/// one comparison per property instead of trying every name in turn, which dominated parse time.
/// </summary>
internal static class FieldNames
{
    public static Field Identify(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 => name.SequenceEqual("slot"u8) ? Field.Slot : Field.Unknown,
        5 => name[0] switch
        {
            (byte)'l' when name.SequenceEqual("label"u8) => Field.Label,
            (byte)'c' when name.SequenceEqual("cpuMs"u8) => Field.CpuMs,
            (byte)'i' when name.SequenceEqual("items"u8) => Field.Items,
            _ => Field.Unknown,
        },
        6 => name[0] switch
        {
            (byte)'s' when name.SequenceEqual("schema"u8) => Field.Schema,
            (byte)'s' when name.SequenceEqual("status"u8) => Field.Status,
            _ => Field.Unknown,
        },
        7 => name[0] switch
        {
            (byte)'e' when name.SequenceEqual("eventId"u8) => Field.EventId,
            (byte)'m' when name.SequenceEqual("modelId"u8) => Field.ModelId,
            _ => Field.Unknown,
        },
        8 => name[0] switch
        {
            (byte)'f' when name.SequenceEqual("features"u8) => Field.Features,
            (byte)'c' when name.SequenceEqual("callerId"u8) => Field.CallerId,
            (byte)'m' when name.SequenceEqual("memoryMb"u8) => Field.MemoryMb,
            (byte)'u' when name.SequenceEqual("upstream"u8) => Field.Upstream,
            _ => Field.Unknown,
        },
        9 => name[0] switch
        {
            (byte)'t' when name.SequenceEqual("timestamp"u8) => Field.Timestamp,
            (byte)'l' when name.SequenceEqual("latencyMs"u8) => Field.LatencyMs,
            _ => Field.Unknown,
        },
        10 => name[0] switch
        {
            (byte)'p' when name.SequenceEqual("prediction"u8) => Field.Prediction,
            (byte)'o' when name.SequenceEqual("observedAt"u8) => Field.ObservedAt,
            _ => Field.Unknown,
        },
        12 => name[0] switch
        {
            (byte)'m' when name.SequenceEqual("modelVersion"u8) => Field.ModelVersion,
            (byte)'c' when name.SequenceEqual("clickedItems"u8) => Field.ClickedItems,
            _ => Field.Unknown,
        },
        14 => name.SequenceEqual("predictedLabel"u8) ? Field.PredictedLabel : Field.Unknown,
        _ => Field.Unknown,
    };
}
