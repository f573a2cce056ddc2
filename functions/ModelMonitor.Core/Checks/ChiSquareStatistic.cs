namespace ModelMonitor.Core.Checks;

/// <summary>Pearson chi-square test of homogeneity: statistic, unadjusted p-value and degrees of freedom.</summary>
public sealed record ChiSquareStatistic(double Statistic, double PValue, int Dof);
