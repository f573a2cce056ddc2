namespace ModelMonitor.Client;

/// <summary>
/// The observed outcome of an earlier prediction, contract <c>outcome/v1</c>: the ground-truth label
/// and/or the items the user clicked. It carries the prediction's <c>eventId</c> and <c>timestamp</c>,
/// which is how the monitor joins the two.
/// </summary>
/// <remarks>
/// Checked like <see cref="PredictionEvent"/>: every property when it is set. Start from
/// <see cref="ForPrediction"/> to copy the join keys from the prediction.
/// </remarks>
public sealed record OutcomeEvent
{
    /// <param name="eventId">The prediction's <c>eventId</c>.</param>
    /// <param name="modelId">The prediction's model.</param>
    /// <param name="modelVersion">The prediction's model version.</param>
    /// <param name="timestamp">The prediction's timestamp (not when the outcome was observed).</param>
    /// <exception cref="ArgumentException">A value breaks contract v1 (the message names the field).</exception>
    public OutcomeEvent(string eventId, string modelId, string modelVersion, DateTimeOffset timestamp)
    {
        EventId = eventId;
        ModelId = modelId;
        ModelVersion = modelVersion;
        Timestamp = timestamp;
    }

    /// <summary>The prediction's <c>eventId</c>, 1–128 characters.</summary>
    public string EventId { get; init => field = EventValidation.EventId(value, "eventId"); }

    /// <summary>The prediction's model; the Event Hubs partition key.</summary>
    public string ModelId { get; init => field = EventValidation.ModelIdentifier(value, "modelId"); }

    /// <summary>The prediction's model version.</summary>
    public string ModelVersion { get; init => field = EventValidation.ModelIdentifier(value, "modelVersion"); }

    /// <summary>The prediction's timestamp, in UTC, truncated to milliseconds.</summary>
    public DateTimeOffset Timestamp { get; init => field = EventValidation.Timestamp(value, "timestamp"); }

    /// <summary>When the outcome was observed, in UTC, truncated to milliseconds; optional.</summary>
    public DateTimeOffset? ObservedAt { get; init => field = EventValidation.OptionalTimestamp(value, "observedAt"); }

    /// <summary>The true label or value; optional (a click-only outcome has none).</summary>
    public PredictionValue? Label { get; init => field = EventValidation.Prediction(value, "label"); }

    /// <summary>The prediction's output, repeated so an outcome can be scored on its own; optional.</summary>
    public PredictionValue? Prediction { get; init => field = EventValidation.Prediction(value, "prediction"); }

    /// <summary>The prediction's chosen class, repeated; optional.</summary>
    public string? PredictedLabel { get; init; }

    /// <summary>
    /// Features to slice model quality by (e.g. region, device); optional. String and boolean features become slices on the
    /// service side; the same validation as prediction features applies.
    /// </summary>
    public IReadOnlyDictionary<string, FeatureValue>? Features { get; init => field = EventValidation.Features(value); }

    /// <summary>Items of the prediction that the user clicked; optional.</summary>
    public IReadOnlyList<string>? ClickedItems { get; init => field = EventValidation.Items(value, "clickedItems"); }

    /// <summary>
    /// An outcome for <paramref name="prediction"/>, with its join keys (<c>eventId</c>, <c>modelId</c>,
    /// <c>modelVersion</c>, <c>timestamp</c>) and its <c>prediction</c>/<c>predictedLabel</c> copied.
    /// Add the rest with an object initializer or <see langword="with"/>.
    /// </summary>
    public static OutcomeEvent ForPrediction(PredictionEvent prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return new OutcomeEvent(prediction.EventId, prediction.ModelId, prediction.ModelVersion, prediction.Timestamp)
        {
            Prediction = prediction.Prediction,
            PredictedLabel = prediction.PredictedLabel,
        };
    }
}
