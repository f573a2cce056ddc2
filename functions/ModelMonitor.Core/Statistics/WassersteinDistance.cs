using System.Buffers;

namespace ModelMonitor.Core.Statistics;

/// <summary>
/// First Wasserstein (earth mover's) distance between two one-dimensional distributions, as
/// <c>scipy.stats.wasserstein_distance(u_values, v_values, u_weights, v_weights)</c>: W₁ = ∫ |F_u(x) − F_v(x)| dx,
/// evaluated exactly between consecutive pooled values, so it works equally for raw samples and weighted CDFs.
/// </summary>
/// <remarks>
/// <para>Values must be finite. Weights must be finite and ≥ 0; an empty weight span means unit weights.</para>
/// <para>Either side empty (or with zero total weight) gives 0 — no evidence — where SciPy raises or returns NaN.</para>
/// <para>
/// Normalized Wasserstein (<see cref="Normalize"/>) = W₁ / max(σ_reference, stdFloor), σ with ddof = 0 and a default
/// floor of 0.001 as in Evidently's "wasserstein" drift test. The floor makes a constant reference well defined: 0 when
/// the current window is the same constant, a large finite value when it moved. Never NaN or infinite, so results stay
/// serializable.
/// </para>
/// </remarks>
public static class WassersteinDistance
{
    /// <summary>Default lower bound on the reference standard deviation used for normalization.</summary>
    public const double DefaultStdFloor = 1e-3;

    /// <summary>W₁ between raw samples in any order (sorted copies; inputs untouched).</summary>
    public static double Compute(ReadOnlySpan<double> u, ReadOnlySpan<double> v) => Compute(u, default, v, default);

    /// <summary>W₁ between weighted samples in any order (values and weights are sorted together on copies).</summary>
    public static double Compute(ReadOnlySpan<double> u, ReadOnlySpan<double> uWeights, ReadOnlySpan<double> v, ReadOnlySpan<double> vWeights)
    {
        SampleValidation.RequireFinite(u, nameof(u));
        SampleValidation.RequireFinite(v, nameof(v));
        double[] buffer = ArrayPool<double>.Shared.Rent(2 * (u.Length + v.Length));
        try
        {
            int nu = u.Length, nv = v.Length;
            Span<double> su = buffer.AsSpan(0, nu), suw = buffer.AsSpan(nu, nu);
            Span<double> sv = buffer.AsSpan(2 * nu, nv), svw = buffer.AsSpan((2 * nu) + nv, nv);
            SortedCopy(u, uWeights, su, suw, nameof(uWeights));
            SortedCopy(v, vWeights, sv, svw, nameof(vWeights));
            return ComputeSortedCore(su, suw, sv, svw);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// W₁ between values already sorted ascending (checked; repeats allowed), e.g. two sketches' sorted views.
    /// Pass an empty weight span for unit weights.
    /// </summary>
    public static double ComputeSorted(
        ReadOnlySpan<double> sortedU, ReadOnlySpan<double> uWeights, ReadOnlySpan<double> sortedV, ReadOnlySpan<double> vWeights)
    {
        SampleValidation.RequireSorted(sortedU, nameof(sortedU));
        SampleValidation.RequireSorted(sortedV, nameof(sortedV));
        SampleValidation.RequireFinite(sortedU, nameof(sortedU));
        SampleValidation.RequireFinite(sortedV, nameof(sortedV));
        return ComputeSortedCore(sortedU, uWeights, sortedV, vWeights);
    }

    /// <summary>W₁ / max(σ_reference, <paramref name="stdFloor"/>). See the type remarks for the constant-reference case.</summary>
    public static double Normalize(double distance, double referenceStandardDeviation, double stdFloor = DefaultStdFloor)
    {
        if (!(distance >= 0) || !double.IsFinite(distance))
        {
            throw new ArgumentOutOfRangeException(nameof(distance), distance, "The distance must be finite and non-negative.");
        }

        if (!(stdFloor > 0) || !double.IsFinite(stdFloor))
        {
            throw new ArgumentOutOfRangeException(nameof(stdFloor), stdFloor, "The floor must be finite and positive.");
        }

        double sigma = double.IsFinite(referenceStandardDeviation) ? referenceStandardDeviation : 0.0;
        return distance / Math.Max(sigma, stdFloor);
    }

    /// <summary>
    /// Population (ddof = 0) standard deviation, optionally weighted (empty span = unit weights), by the two-pass
    /// formula as NumPy. 0 for an empty sample or zero total weight.
    /// </summary>
    public static double StandardDeviation(ReadOnlySpan<double> values, ReadOnlySpan<double> weights = default)
    {
        SampleValidation.RequireFinite(values, nameof(values));
        double total = weights.IsEmpty ? values.Length : SampleValidation.RequireMasses(weights, values.Length, nameof(weights));
        if (total <= 0)
        {
            return 0.0;
        }

        double sum = 0.0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += Weight(weights, i) * values[i];
        }

        double mean = sum / total;
        double squares = 0.0;
        for (int i = 0; i < values.Length; i++)
        {
            double d = values[i] - mean;
            squares += Weight(weights, i) * d * d;
        }

        return Math.Sqrt(squares / total);
    }

    private static double ComputeSortedCore(
        ReadOnlySpan<double> u, ReadOnlySpan<double> uWeights, ReadOnlySpan<double> v, ReadOnlySpan<double> vWeights)
    {
        double totalU = uWeights.IsEmpty ? u.Length : SampleValidation.RequireMasses(uWeights, u.Length, nameof(uWeights));
        double totalV = vWeights.IsEmpty ? v.Length : SampleValidation.RequireMasses(vWeights, v.Length, nameof(vWeights));
        if (totalU <= 0 || totalV <= 0)
        {
            return 0.0;
        }

        // Between consecutive distinct pooled values both CDFs are constant, so the integral is an exact sum.
        double cumU = 0.0, cumV = 0.0, distance = 0.0, previous = 0.0;
        bool started = false;
        int i = 0, j = 0;
        while (i < u.Length || j < v.Length)
        {
            double x = i < u.Length && (j >= v.Length || u[i] <= v[j]) ? u[i] : v[j];
            if (started)
            {
                distance += Math.Abs((cumU / totalU) - (cumV / totalV)) * (x - previous);
            }

            while (i < u.Length && u[i] == x)
            {
                cumU += Weight(uWeights, i++);
            }

            while (j < v.Length && v[j] == x)
            {
                cumV += Weight(vWeights, j++);
            }

            previous = x;
            started = true;
        }

        return distance;
    }

    private static void SortedCopy(
        ReadOnlySpan<double> values, ReadOnlySpan<double> weights, Span<double> valuesCopy, Span<double> weightsCopy, string weightsName)
    {
        values.CopyTo(valuesCopy);
        if (weights.IsEmpty)
        {
            weightsCopy.Fill(1.0);
        }
        else
        {
            SampleValidation.RequireMasses(weights, values.Length, weightsName);
            weights.CopyTo(weightsCopy);
        }

        valuesCopy.Sort(weightsCopy);
    }

    private static double Weight(ReadOnlySpan<double> weights, int i) => weights.IsEmpty ? 1.0 : weights[i];
}
