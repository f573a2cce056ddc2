namespace ModelMonitor.Core.Checks;

/// <summary>Stable alert kinds, as in <see cref="MonitorAlert.Kind"/>.</summary>
public static class AlertKind
{
    public const string FeatureDrift = "feature-drift";
    public const string PredictionDrift = "prediction-drift";
    public const string DatasetDrift = "dataset-drift";
    public const string LabelShift = "label-shift";
    public const string DataQuality = "data-quality";
    public const string ModelQuality = "model-quality";
    public const string FeedbackLoop = "feedback-loop";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [FeatureDrift, PredictionDrift, DatasetDrift, LabelShift, DataQuality, ModelQuality, FeedbackLoop];
}
