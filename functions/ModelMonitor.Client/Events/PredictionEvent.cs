namespace ModelMonitor.Client;

/// <summary>
/// One prediction of a model in production, contract <c>prediction/v1</c>.
/// </summary>
/// <remarks>
/// Every property is checked when it is set, in the constructor, an object initializer or a
/// <see langword="with"/> expression, so an invalid event cannot exist: the producer's caller sees an
/// <see cref="ArgumentException"/> whose <c>ParamName</c> is the contract's field name. Timestamps are
/// stored in UTC truncated to milliseconds, exactly as written. Collections are copied when set.
/// The 1 MiB message limit can only be checked on the serialized body: see <see cref="EventSerializer"/>.
/// </remarks>
/// <example>
/// <code>
/// var prediction = new PredictionEvent(requestId, "fraud", "3.1.0", timeProvider.GetUtcNow())
/// {
///     Features = new Dictionary&lt;string, FeatureValue&gt; { ["amount"] = 12.5, ["country"] = "DE" },
///     Prediction = 0.87,
///     PredictedLabel = "fraud",
/// };
/// </code>
/// </example>
public sealed record PredictionEvent
{
    /// <param name="eventId">Unique id of this prediction (1–128 characters); outcomes refer to it.</param>
    /// <param name="modelId">The model: 1–64 characters of <c>[A-Za-z0-9._-]</c>; also the partition key.</param>
    /// <param name="modelVersion">The model's version: 1–64 characters of <c>[A-Za-z0-9._-]</c>.</param>
    /// <param name="timestamp">When the prediction was made.</param>
    /// <exception cref="ArgumentException">A value breaks contract v1 (the message names the field).</exception>
    public PredictionEvent(string eventId, string modelId, string modelVersion, DateTimeOffset timestamp)
    {
        EventId = eventId;
        ModelId = modelId;
        ModelVersion = modelVersion;
        Timestamp = timestamp;
    }

    /// <summary>Unique id of this prediction, 1–128 characters. Consumers de-duplicate on it.</summary>
    public string EventId { get; init => field = EventValidation.EventId(value, "eventId"); }

    /// <summary>The model, 1–64 characters of <c>[A-Za-z0-9._-]</c>, not ending in '.'; the Event Hubs partition key.</summary>
    public string ModelId { get; init => field = EventValidation.ModelIdentifier(value, "modelId"); }

    /// <summary>The model's version, 1–64 characters of <c>[A-Za-z0-9._-]</c>, not ending in '.'.</summary>
    public string ModelVersion { get; init => field = EventValidation.ModelIdentifier(value, "modelVersion"); }

    /// <summary>When the prediction was made, in UTC, truncated to milliseconds.</summary>
    public DateTimeOffset Timestamp { get; init => field = EventValidation.Timestamp(value, "timestamp"); }

    /// <summary>Who asked (a tenant, an app); optional.</summary>
    public string? CallerId { get; init; }

    /// <summary>The deployment slot or variant (<c>production</c>, <c>canary</c>, <c>shadow</c>); optional.</summary>
    public string? Slot { get; init; }

    /// <summary>Model inputs by name, at most 1,000; values may be null, NaN or ±Infinity; optional.</summary>
    public IReadOnlyDictionary<string, FeatureValue>? Features { get; init => field = EventValidation.Features(value); }

    /// <summary>The output: a finite number (score, regression) or a class; optional.</summary>
    public PredictionValue? Prediction { get; init => field = EventValidation.Prediction(value, "prediction"); }

    /// <summary>The class chosen from the output (for a thresholded score); optional.</summary>
    public string? PredictedLabel { get; init; }

    /// <summary>Wall-clock time of the prediction in milliseconds, finite and &gt;= 0; optional.</summary>
    public double? LatencyMs { get; init => field = EventValidation.Measurement(value, "latencyMs"); }

    /// <summary>CPU time in milliseconds, finite and &gt;= 0; optional.</summary>
    public double? CpuMs { get; init => field = EventValidation.Measurement(value, "cpuMs"); }

    /// <summary>Memory in MB, finite and &gt;= 0; optional.</summary>
    public double? MemoryMb { get; init => field = EventValidation.Measurement(value, "memoryMb"); }

    /// <summary>Outcome of the call (<c>ok</c>, <c>error</c>, <c>timeout</c>, <c>fallback</c>); optional.</summary>
    public string? Status { get; init; }

    /// <summary>Items returned (recommendations, ranked results), in order; optional.</summary>
    public IReadOnlyList<string>? Items { get; init => field = EventValidation.Items(value, "items"); }

    /// <summary>Predictions of other models that this one used; optional.</summary>
    public IReadOnlyList<UpstreamRef>? Upstream { get; init => field = EventValidation.Upstream(value); }
}
