namespace ModelMonitor.Core.Statistics;

/// <summary>A Mann–Kendall trend test result.</summary>
/// <param name="S">Concordant minus discordant pairs (time, value).</param>
/// <param name="Tau">Kendall's τ-b between time and value.</param>
/// <param name="Z">Normal approximation of S.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="DecreasingPValue">One-sided p-value for a decreasing trend.</param>
public sealed record MannKendallResult(double S, double Tau, double Z, double PValue, double DecreasingPValue);
