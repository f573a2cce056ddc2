namespace ModelMonitor.Core.Statistics;

/// <summary>Outcome of a Pearson chi-square test of homogeneity.</summary>
/// <param name="Statistic">Σ (observed − expected)² / expected over the retained cells; 0 when degenerate.</param>
/// <param name="DegreesOfFreedom">Retained categories − 1; 0 when degenerate.</param>
/// <param name="PValue">Upper tail of χ²(dof) at <paramref name="Statistic"/>; 1 when degenerate.</param>
public readonly record struct ChiSquareResult(double Statistic, int DegreesOfFreedom, double PValue);
