using System.Text;

namespace ModelMonitor.Core.Events;

/// <summary>
/// A validated contract-v1 event. Prediction and outcome share one shape because an outcome carries
/// what was predicted (so no join is needed) and is folded into the window of the prediction's timestamp.
/// </summary>
public sealed class MonitoringEvent
{
    private readonly ReadOnlyMemory<byte> _eventIdUtf8;
    private string? _eventId;

    public required EventKind Kind { get; init; }

    /// <summary>
    /// The producer's id for the event. Events parsed from memory the caller lets them keep hold their id as bytes of
    /// the message body and decode it on first read (ingest never reads it).
    /// </summary>
    public required string EventId
    {
        get => _eventId ??= Encoding.UTF8.GetString(_eventIdUtf8.Span);
        init => _eventId = value;
    }

    /// <summary>The id as ASCII bytes of the message body, decoded when <see cref="EventId"/> is first read.</summary>
    internal ReadOnlyMemory<byte> EventIdUtf8
    {
        init => _eventIdUtf8 = value;
    }

    public required string ModelId { get; init; }

    public required string ModelVersion { get; init; }

    /// <summary>Event time: when the prediction was made (for outcomes, the prediction's timestamp).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public string? CallerId { get; init; }

    public string? Slot { get; init; }

    public IReadOnlyList<Feature> Features { get; init; } = [];

    public FieldValue Prediction { get; init; } = FieldValue.Null;

    public string? PredictedLabel { get; init; }

    public double? LatencyMs { get; init; }

    public double? CpuMs { get; init; }

    public double? MemoryMb { get; init; }

    public string? Status { get; init; }

    /// <summary>Recommended items shown (predictions) .</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    public IReadOnlyList<UpstreamRef> Upstream { get; init; } = [];

    /// <summary>Outcome only: when the label was observed.</summary>
    public DateTimeOffset? ObservedAt { get; init; }

    /// <summary>Outcome only: the ground truth (class, 0/1 or a regression target).</summary>
    public FieldValue Label { get; init; } = FieldValue.Null;

    /// <summary>Outcome only: items the user clicked.</summary>
    public IReadOnlyList<string> ClickedItems { get; init; } = [];
}
