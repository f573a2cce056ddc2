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
    public static double Divergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double epsilon = PopulationStabilityIndex.DefaultEpsilon)
    {
        ProbabilityVectors.RequireEpsilon(epsilon);
        (double pTotal, double qTotal) = ProbabilityVectors.RequirePair(p, q);
        if (pTotal <= 0 || qTotal <= 0)
        {
            return 0.0;
        }

        int k = p.Length;
        double[]? rented = ProbabilityVectors.RentIfLarge(2 * k);
        try
        {
            Span<double> buffer = rented is null ? stackalloc double[2 * k] : rented.AsSpan(0, 2 * k);
            Span<double> ps = buffer[..k];
            Span<double> qs = buffer[k..];
            ProbabilityVectors.Smooth(p, pTotal, epsilon, ps);
            ProbabilityVectors.Smooth(q, qTotal, epsilon, qs);
            double kl = 0.0;
            for (int i = 0; i < k; i++)
            {
                kl += ps[i] * Math.Log(ps[i] / qs[i]);
            }

            return Math.Max(kl, 0.0);
        }
        finally
        {
            ProbabilityVectors.Return(rented);
        }
    }
}
