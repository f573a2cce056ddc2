namespace ModelMonitor.Core.Events;

/// <summary>Fields collected while reading one event object, before validation.</summary>
internal struct EventDraft
{
    public string? Schema;
    public string? EventId;

    /// <summary>The id as ASCII bytes of a message body the event may keep, when <see cref="EventId"/> is not decoded.</summary>
    public ReadOnlyMemory<byte> EventIdUtf8;
    public string? ModelId;
    public string? ModelVersion;
    public DateTimeOffset? Timestamp;
    public DateTimeOffset? ObservedAt;
    public string? CallerId;
    public string? Slot;
    public string? Status;
    public string? PredictedLabel;
    public IReadOnlyList<Feature>? Features;
    public FieldValue Prediction;
    public FieldValue Label;
    public double? LatencyMs;
    public double? CpuMs;
    public double? MemoryMb;
    public List<string>? Items;
    public List<string>? ClickedItems;
    public List<UpstreamRef>? Upstream;

    public const string PredictionSchema = "prediction/v1";
    public const string OutcomeSchema = "outcome/v1";

    public readonly bool TryBuild(DateTimeOffset arrival, ParserLimits limits, out MonitoringEvent? built, out string? error)
    {
        built = null;
        error = Validate(arrival, limits, out var kind);
        if (error is not null)
        {
            return false;
        }

        built = new MonitoringEvent
        {
            Kind = kind,
            // Null when the id stays in the body's bytes (EventIdUtf8): MonitoringEvent decodes it on first read.
            EventId = EventId!,
            EventIdUtf8 = EventIdUtf8,
            ModelId = ModelId!,
            ModelVersion = ModelVersion!,
            Timestamp = Timestamp!.Value,
            CallerId = CallerId,
            Slot = Slot,
            Status = Status,
            PredictedLabel = PredictedLabel,
            Features = Features ?? (IReadOnlyList<Feature>)[],
            Prediction = Prediction,
            Label = Label,
            LatencyMs = LatencyMs,
            CpuMs = CpuMs,
            MemoryMb = MemoryMb,
            Items = Items ?? (IReadOnlyList<string>)[],
            ClickedItems = ClickedItems ?? (IReadOnlyList<string>)[],
            Upstream = Upstream ?? (IReadOnlyList<UpstreamRef>)[],
            ObservedAt = ObservedAt,
        };
        return true;
    }

    private readonly string? Validate(DateTimeOffset arrival, ParserLimits limits, out EventKind kind)
    {
        kind = EventKind.Prediction;
        if (Schema is null)
        {
            return "missing-field: schema is required";
        }

        if (Schema == PredictionSchema)
        {
            kind = EventKind.Prediction;
        }
        else if (Schema == OutcomeSchema)
        {
            kind = EventKind.Outcome;
        }
        else
        {
            return $"unsupported-schema: '{Truncate(Schema)}' (expected {PredictionSchema} or {OutcomeSchema})";
        }

        var idLength = EventId?.Length ?? EventIdUtf8.Length;
        if (idLength == 0)
        {
            return "missing-field: eventId is required";
        }

        if (idLength > ParserLimits.MaxEventIdLength)
        {
            return $"invalid-field: eventId is longer than {ParserLimits.MaxEventIdLength} characters";
        }

        if (ModelId is null)
        {
            return "missing-field: modelId is required";
        }

        if (!Identifiers.IsValidPathId(ModelId))
        {
            return $"invalid-field: modelId '{Truncate(ModelId)}' must match [A-Za-z0-9._-]{{1,64}}";
        }

        if (ModelVersion is null)
        {
            return "missing-field: modelVersion is required";
        }

        if (!Identifiers.IsValidPathId(ModelVersion))
        {
            return $"invalid-field: modelVersion '{Truncate(ModelVersion)}' must match [A-Za-z0-9._-]{{1,64}}";
        }

        if (Timestamp is null)
        {
            return "missing-field: timestamp is required";
        }

        if (Timestamp.Value > arrival + limits.MaxFutureSkew)
        {
            return $"timestamp-in-future: {Timestamp.Value:O} is more than {limits.MaxFutureSkew} ahead of arrival {arrival:O}";
        }

        return null;
    }

    private static string Truncate(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
