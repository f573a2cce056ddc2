using System.Diagnostics.CodeAnalysis;
using ModelMonitor.Contract;

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

    public const string PredictionSchema = ContractSchemas.PredictionV1;
    public const string OutcomeSchema = ContractSchemas.OutcomeV1;

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

    /// <summary>The string slot of a <see cref="FieldKind.Text"/> field: where both parsers store what they read.</summary>
    [UnscopedRef]
    public ref string? Text(Field field)
    {
        switch (field)
        {
            case Field.Schema: return ref Schema;
            case Field.ModelId: return ref ModelId;
            case Field.ModelVersion: return ref ModelVersion;
            case Field.CallerId: return ref CallerId;
            case Field.Slot: return ref Slot;
            case Field.Status: return ref Status;
            case Field.PredictedLabel: return ref PredictedLabel;
            default: throw Unmapped(field);
        }
    }

    /// <summary>The slot of a <see cref="FieldKind.Timestamp"/> field.</summary>
    [UnscopedRef]
    public ref DateTimeOffset? Time(Field field)
    {
        switch (field)
        {
            case Field.Timestamp: return ref Timestamp;
            case Field.ObservedAt: return ref ObservedAt;
            default: throw Unmapped(field);
        }
    }

    /// <summary>The slot of a <see cref="FieldKind.Scalar"/> field.</summary>
    [UnscopedRef]
    public ref FieldValue Scalar(Field field)
    {
        switch (field)
        {
            case Field.Prediction: return ref Prediction;
            case Field.Label: return ref Label;
            default: throw Unmapped(field);
        }
    }

    /// <summary>The slot of a <see cref="FieldKind.Number"/> field.</summary>
    [UnscopedRef]
    public ref double? Number(Field field)
    {
        switch (field)
        {
            case Field.LatencyMs: return ref LatencyMs;
            case Field.CpuMs: return ref CpuMs;
            case Field.MemoryMb: return ref MemoryMb;
            default: throw Unmapped(field);
        }
    }

    /// <summary>The slot of a <see cref="FieldKind.StringArray"/> field.</summary>
    [UnscopedRef]
    public ref List<string>? Strings(Field field)
    {
        switch (field)
        {
            case Field.Items: return ref Items;
            case Field.ClickedItems: return ref ClickedItems;
            default: throw Unmapped(field);
        }
    }

    private static InvalidOperationException Unmapped(Field field) =>
        new($"Contract field {field} has no slot of its kind in {nameof(EventDraft)}: add one next to the table row.");

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

        foreach (var spec in ContractFields.RequiredIn(kind == EventKind.Outcome ? ContractEventKinds.Outcome : ContractEventKinds.Prediction))
        {
            if (CheckRequired(spec) is { } error)
            {
                return error;
            }
        }

        if (Timestamp!.Value > arrival + limits.MaxFutureSkew)
        {
            return $"timestamp-in-future: {Timestamp.Value:O} is more than {limits.MaxFutureSkew} ahead of arrival {arrival:O}";
        }

        return null;
    }

    /// <summary>A required field's presence and value rule, from its table row.</summary>
    private readonly string? CheckRequired(ContractFieldSpec spec)
    {
        switch (spec.Kind)
        {
            case FieldKind.EventId:
                var idLength = EventId?.Length ?? EventIdUtf8.Length;
                if (idLength == 0)
                {
                    return $"missing-field: {spec.Name} is required";
                }

                return ContractIdentifiers.IsValidEventIdLength(idLength)
                    ? null
                    : $"invalid-field: {spec.Name} is longer than {ContractLimits.MaxEventIdLength} characters";
            case FieldKind.Timestamp:
                return (spec.Field == Field.Timestamp ? Timestamp : ObservedAt) is null ? $"missing-field: {spec.Name} is required" : null;
            case FieldKind.Text:
                var value = TextValue(spec.Field);
                if (value is null)
                {
                    return $"missing-field: {spec.Name} is required";
                }

                return ContractIdentifiers.Satisfies(spec.Rule, value)
                    ? null
                    : $"invalid-field: {spec.Name} '{Truncate(value)}' must be {RuleText(spec.Rule)}";
            default:
                throw Unmapped(spec.Field);
        }
    }

    private readonly string? TextValue(Field field) => field switch
    {
        Field.Schema => Schema,
        Field.ModelId => ModelId,
        Field.ModelVersion => ModelVersion,
        Field.CallerId => CallerId,
        Field.Slot => Slot,
        Field.Status => Status,
        Field.PredictedLabel => PredictedLabel,
        _ => throw Unmapped(field),
    };

    private static string RuleText(ValueRule rule) => rule == ValueRule.PathId ? ContractIdentifiers.PathIdRule : ContractIdentifiers.EventIdRule;

    private static string Truncate(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
