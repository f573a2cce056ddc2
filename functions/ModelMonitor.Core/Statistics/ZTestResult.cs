namespace ModelMonitor.Core.Statistics;

/// <summary>Outcome of a two-sided z-test.</summary>
/// <param name="Z">Standardized difference (current − reference); 0 when the test is degenerate.</param>
/// <param name="PValue">Two-sided p-value, 2·(1 − Φ(|z|)); 1 when degenerate.</param>
public readonly record struct ZTestResult(double Z, double PValue);
