namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Kullback–Leibler divergence KL(p ‖ q) = Σ pᵢ · ln(pᵢ / qᵢ) over aligned categories or bins (natural log, nats).
/// </summary>
/// <remarks>
/// Same input handling as <see cref="PopulationStabilityIndex"/>: each side normalized, floored at <c>epsilon</c>
/// (default 1e-4) and renormalized, so the result is finite; 0 when either side has no mass. Not symmetric:
/// PSI = KL(c ‖ r) + KL(r ‖ c) under the same smoothing.
/// </remarks>
public static class KullbackLeibler
{
    public static double Divergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double epsilon = PopulationStabilityIndex.DefaultEpsilon) =>
        Math.Max(ProbabilityVectors.SumOverSmoothed(p, q, epsilon, static (ps, qs) => ps * Math.Log(ps / qs)), 0.0);
}
