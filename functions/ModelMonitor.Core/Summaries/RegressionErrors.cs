namespace ModelMonitor.Core.Summaries;

/// <summary>Sums over (prediction − label) for regression outcomes, plus the error distribution.</summary>
public sealed class RegressionErrors
{
    public RegressionErrors()
    {
    }

    internal RegressionErrors(double sumError, double sumAbsError, double sumSquaredError, NumericSummary errors)
    {
        SumError = sumError;
        SumAbsError = sumAbsError;
        SumSquaredError = sumSquaredError;
        Errors = errors;
    }

    public long Count => Errors.Count;

    public double SumError { get; private set; }

    public double SumAbsError { get; private set; }

    public double SumSquaredError { get; private set; }

    public NumericSummary Errors { get; } = new();

    public double MeanAbsoluteError => Count == 0 ? double.NaN : SumAbsError / Count;

    public double RootMeanSquaredError => Count == 0 ? double.NaN : Math.Sqrt(SumSquaredError / Count);

    /// <summary>Mean of prediction − label: positive means the model over-predicts.</summary>
    public double Bias => Count == 0 ? double.NaN : SumError / Count;

    public void Add(double prediction, double label)
    {
        var error = prediction - label;
        if (!double.IsFinite(error))
        {
            Errors.Add(error);
            return;
        }

        SumError += error;
        SumAbsError += Math.Abs(error);
        SumSquaredError += error * error;
        Errors.Add(error);
    }

    public void Merge(RegressionErrors other)
    {
        ArgumentNullException.ThrowIfNull(other);
        SumError += other.SumError;
        SumAbsError += other.SumAbsError;
        SumSquaredError += other.SumSquaredError;
        Errors.Merge(other.Errors);
    }

    public RegressionErrors Clone() => new(SumError, SumAbsError, SumSquaredError, Errors.Clone());
}
