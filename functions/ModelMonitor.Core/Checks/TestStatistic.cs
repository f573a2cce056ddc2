namespace ModelMonitor.Core.Checks;

/// <summary>A test statistic and its unadjusted two-sided p-value (KS D, or the z of the two-proportion test).</summary>
public sealed record TestStatistic(double Statistic, double PValue);
