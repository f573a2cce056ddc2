using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// Thresholds of the model-quality comparison (<see cref="ModelQualityChecker"/>). Immutable; validated in the constructor.
/// </summary>
/// <remarks>
/// A finding needs the change to reach its threshold and both windows to have at least <see cref="MinLabelledCount"/>
/// outcomes for that metric. Proportions (accuracy, per-class precision and recall, CTR, and the positive rate inside
/// the prediction bias) must in addition be outside noise: the reference value lies outside the current value's
/// Wilson interval at <see cref="Confidence"/>. The other metrics (macro F1, ECE, MAE, RMSE) have no simple interval;
/// the minimum count is their guard.
/// </remarks>
public sealed record ModelQualityPolicy
{
    public const double DefaultClassificationDrop = 0.05;
    public const double DefaultPredictionBiasIncrease = 0.05;
    public const double DefaultEceIncrease = 0.05;
    public const double DefaultRegressionErrorRelativeIncrease = 0.2;
    public const double DefaultCtrRelativeDrop = 0.2;
    public const long DefaultMinLabelledCount = 50;

    /// <param name="classificationDrop">Absolute drop of accuracy, precision, recall or F1 that is reported. In (0, 1].</param>
    /// <param name="predictionBiasIncrease">Increase of |mean predicted − positive rate| that is reported. In (0, 1].</param>
    /// <param name="eceIncrease">Increase of the expected calibration error that is reported. In (0, 1].</param>
    /// <param name="regressionErrorRelativeIncrease">Relative increase of MAE or RMSE that is reported (0.2 = +20%). &gt; 0.</param>
    /// <param name="ctrRelativeDrop">Relative drop of the click-through rate that is reported (0.2 = −20%). In (0, 1].</param>
    /// <param name="confidence">Confidence of the Wilson intervals. In (0, 1).</param>
    /// <param name="minLabelledCount">Outcomes needed in each window for a metric to be compared. ≥ 1.</param>
    public ModelQualityPolicy(
        double classificationDrop = DefaultClassificationDrop,
        double predictionBiasIncrease = DefaultPredictionBiasIncrease,
        double eceIncrease = DefaultEceIncrease,
        double regressionErrorRelativeIncrease = DefaultRegressionErrorRelativeIncrease,
        double ctrRelativeDrop = DefaultCtrRelativeDrop,
        double confidence = ProportionConfidenceInterval.DefaultConfidence,
        long minLabelledCount = DefaultMinLabelledCount)
    {
        ClassificationDrop = PolicyArguments.RequireShare(classificationDrop, nameof(classificationDrop));
        PredictionBiasIncrease = PolicyArguments.RequireShare(predictionBiasIncrease, nameof(predictionBiasIncrease));
        EceIncrease = PolicyArguments.RequireShare(eceIncrease, nameof(eceIncrease));
        CtrRelativeDrop = PolicyArguments.RequireShare(ctrRelativeDrop, nameof(ctrRelativeDrop));
        if (!(regressionErrorRelativeIncrease > 0) || !double.IsFinite(regressionErrorRelativeIncrease))
        {
            throw new ArgumentOutOfRangeException(nameof(regressionErrorRelativeIncrease), regressionErrorRelativeIncrease, "Must be finite and > 0.");
        }

        PolicyArguments.RequireConfidence(confidence, nameof(confidence));
        ArgumentOutOfRangeException.ThrowIfLessThan(minLabelledCount, 1);
        RegressionErrorRelativeIncrease = regressionErrorRelativeIncrease;
        Confidence = confidence;
        MinLabelledCount = minLabelledCount;
    }

    /// <summary>All defaults.</summary>
    public static ModelQualityPolicy Default { get; } = new();

    /// <value>Default 0.05 (five percentage points), for accuracy, precision, recall and F1.</value>
    public double ClassificationDrop { get; }

    /// <value>Default 0.05.</value>
    public double PredictionBiasIncrease { get; }

    /// <value>Default 0.05.</value>
    public double EceIncrease { get; }

    /// <value>Default 0.2 (+20%), for MAE and RMSE.</value>
    public double RegressionErrorRelativeIncrease { get; }

    /// <value>Default 0.2 (−20%).</value>
    public double CtrRelativeDrop { get; }

    /// <value>Default 0.95.</value>
    public double Confidence { get; }

    /// <value>Default 50 outcomes.</value>
    public long MinLabelledCount { get; }
}
