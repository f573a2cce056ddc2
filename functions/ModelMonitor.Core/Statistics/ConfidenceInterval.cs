namespace ModelMonitor.Core.Statistics;

/// <summary>A two-sided confidence interval [Lower, Upper].</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper)
{
    public double Width => Upper - Lower;

    public bool Contains(double value) => value >= Lower && value <= Upper;
}
