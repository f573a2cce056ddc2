namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Population Stability Index, PSI = Σ (cᵢ − rᵢ) · ln(cᵢ / rᵢ), over aligned categories or bins (natural log).
/// </summary>
/// <remarks>
/// <para>Inputs are counts or probabilities (each side is normalized to sum 1 first).</para>
/// <para>
/// Empty bins: each proportion is floored at <c>epsilon</c> (default <see cref="DefaultEpsilon"/> = 1e-4) and the
/// vector renormalized to sum 1, a common choice in monitoring tools. The floor bounds the contribution of a bin that is
/// empty on one side at ≈ |p − 1e-4|·ln(p/1e-4) instead of infinity.
/// </para>
/// <para>Either side with zero total mass (empty window) gives 0: no evidence; gate on sample size before this.</para>
/// <para>Rule of thumb: &lt; 0.1 stable, 0.1–0.25 moderate shift, &gt; 0.25 major shift.</para>
/// </remarks>
public static class PopulationStabilityIndex
{
    /// <summary>Default floor for empty bins.</summary>
    public const double DefaultEpsilon = 1e-4;

    public static double Compute(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, double epsilon = DefaultEpsilon) =>
        ProbabilityVectors.SumOverSmoothed(reference, current, epsilon, static (r, c) => (c - r) * Math.Log(c / r));
}
