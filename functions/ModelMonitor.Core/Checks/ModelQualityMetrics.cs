namespace ModelMonitor.Core.Checks;

/// <summary>
/// The quality measures of one window; each group is null when the window has no data for it. Classification and
/// calibration apply when most labels are classes (calibration only for binary labels); regression when most labels
/// are non-binary numbers.
/// </summary>
/// <param name="LabelledCount">Outcome events in the window.</param>
/// <param name="Classification">Accuracy and per-class / macro precision, recall, F1.</param>
/// <param name="Calibration">Prediction bias and ECE of binary scores.</param>
/// <param name="Regression">MAE, RMSE, bias.</param>
/// <param name="ClickThrough">Clicks, impressions, CTR.</param>
public sealed record ModelQualityMetrics(
    long LabelledCount,
    ClassificationQuality? Classification,
    CalibrationQuality? Calibration,
    RegressionQuality? Regression,
    ClickThroughQuality? ClickThrough);
