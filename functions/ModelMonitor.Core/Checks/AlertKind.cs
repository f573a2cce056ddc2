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
    public const string UsageSwing = "usage-swing";
    public const string ComputationalRegression = "computational-regression";
    public const string ErrorRate = "error-rate";
    public const string FeedbackLoop = "feedback-loop";
    public const string Abuse = "abuse";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } =
        [FeatureDrift, PredictionDrift, DatasetDrift, LabelShift, DataQuality, ModelQuality, UsageSwing, ComputationalRegression, ErrorRate, FeedbackLoop, Abuse];
}
