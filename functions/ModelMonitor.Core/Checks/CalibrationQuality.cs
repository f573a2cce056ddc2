namespace ModelMonitor.Core.Checks;

/// <summary>Calibration of binary probability scores, from the window's reliability bins.</summary>
/// <param name="Count">Labelled binary outcomes with a probability score (N).</param>
/// <param name="Positives">Of which positive.</param>
/// <param name="MeanPredicted">Mean predicted probability.</param>
/// <param name="PositiveRate">Observed positive rate.</param>
/// <param name="Bias">MeanPredicted − PositiveRate: positive means the model over-predicts the positive class.</param>
/// <param name="Ece">Expected calibration error Σ_b n_b/N · |mean predicted_b − positive rate_b| over equal-width bins.</param>
/// <param name="BinCount">Number of equal-width bins (default 10).</param>
public sealed record CalibrationQuality(long Count, long Positives, double MeanPredicted, double PositiveRate, double Bias, double Ece, int BinCount);
