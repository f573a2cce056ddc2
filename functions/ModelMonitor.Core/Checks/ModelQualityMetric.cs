namespace ModelMonitor.Core.Checks;

/// <summary>Stable metric names, as in <see cref="ModelQualityFinding.Metric"/> and model-quality alert subkinds.</summary>
public static class ModelQualityMetric
{
    public const string Accuracy = "accuracy";
    public const string Precision = "precision";
    public const string Recall = "recall";
    public const string F1 = "f1";

    /// <summary>Calibration: mean predicted probability − observed positive rate.</summary>
    public const string PredictionBias = "prediction-bias";

    /// <summary>Expected calibration error over the reliability bins.</summary>
    public const string Ece = "ece";
    public const string Mae = "mae";
    public const string Rmse = "rmse";

    /// <summary>Click-through rate: clicks / impressions.</summary>
    public const string Ctr = "ctr";
}
