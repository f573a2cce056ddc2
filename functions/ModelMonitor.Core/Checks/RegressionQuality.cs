namespace ModelMonitor.Core.Checks;

/// <summary>Regression error of one window (error = prediction − label).</summary>
/// <param name="Count">Labelled predictions with a finite error.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Bias">Mean error: positive means the model over-predicts.</param>
public sealed record RegressionQuality(long Count, double Mae, double Rmse, double Bias);
