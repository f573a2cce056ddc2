namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Reference-quantile bins for numeric features, so PSI / Jensen–Shannon / KL can compare a numeric reference and a
/// current window over aligned bins. Works on raw sorted samples and on weighted CDFs (a sketch's sorted view) alike.
/// </summary>
/// <remarks>
/// <para>
/// Edges: the interior cut points e_k = Q(k/B), k = 1 … B−1, with the inverted-CDF ("type 1") quantile
/// Q(q) = the smallest reference value whose cumulative weight reaches q·W — for raw samples x_(⌈k·n/B⌉), computed in
/// integer arithmetic. Edges are therefore always actual reference values, and the raw and unit-weight paths agree
/// exactly. Repeated edges (ties, constant columns) are removed, so there may be fewer than B bins; a constant
/// reference c gives the single edge c and the bins (−∞, c], (c, ∞).
/// </para>
/// <para>
/// Bins are right-closed, (e_{k−1}, e_k], with the first open to −∞ and the last to +∞, so every current value falls
/// in some bin even outside the reference range. A value exactly on an edge counts in the lower bin, consistent with
/// the CDF definition of the edges.
/// </para>
/// </remarks>
public static class QuantileBinning
{
    /// <summary>Default number of reference-quantile bins.</summary>
    public const int DefaultBinCount = 10;

    /// <summary>Edges from raw reference values sorted ascending (checked). Empty reference → no edges (one bin).</summary>
    public static double[] ComputeEdges(ReadOnlySpan<double> sortedReference, int binCount = DefaultBinCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        SampleValidation.RequireSorted(sortedReference, nameof(sortedReference));
        long n = sortedReference.Length;
        if (n == 0)
        {
            return [];
        }

        var edges = new List<double>(binCount - 1);
        for (long k = 1; k < binCount; k++)
        {
            long rank = ((k * n) + binCount - 1) / binCount; // ⌈k·n/B⌉, 1-based
            AddDistinct(edges, sortedReference[(int)(rank - 1)]);
        }

        return [.. edges];
    }

    /// <summary>Edges from a weighted CDF: ascending values (repeats allowed) with non-negative weights.</summary>
    public static double[] ComputeEdges(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> weights, int binCount = DefaultBinCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        SampleValidation.RequireSorted(sortedReference, nameof(sortedReference));
        double total = SampleValidation.RequireMasses(weights, sortedReference.Length, nameof(weights));
        if (total <= 0)
        {
            return [];
        }

        var edges = new List<double>(binCount - 1);
        int i = 0;
        double cumulative = weights[0];
        for (int k = 1; k < binCount; k++)
        {
            // Smallest i with cumulative(i)/W ≥ k/B, compared as cumulative·B ≥ k·W (exact for integer weights).
            while (cumulative * binCount < (double)k * total && i < sortedReference.Length - 1)
            {
                cumulative += weights[++i];
            }

            AddDistinct(edges, sortedReference[i]);
        }

        return [.. edges];
    }

    /// <summary>
    /// Fills <paramref name="destination"/> (length = edges + 1) with the proportion of <paramref name="values"/>
    /// (any order, no NaN) in each bin; returns the count. All zeros when there are no values.
    /// </summary>
    public static double ComputeProportions(ReadOnlySpan<double> edges, ReadOnlySpan<double> values, Span<double> destination)
    {
        RequireDestination(edges, destination);
        SampleValidation.RequireNoNaN(values, nameof(values));
        destination.Clear();
        foreach (double v in values)
        {
            destination[BinIndex(edges, v)] += 1.0;
        }

        Normalize(destination, values.Length);
        return values.Length;
    }

    /// <summary>Weighted variant of <see cref="ComputeProportions"/>; returns the total weight.</summary>
    public static double ComputeWeightedProportions(
        ReadOnlySpan<double> edges, ReadOnlySpan<double> values, ReadOnlySpan<double> weights, Span<double> destination)
    {
        RequireDestination(edges, destination);
        SampleValidation.RequireNoNaN(values, nameof(values));
        double total = SampleValidation.RequireMasses(weights, values.Length, nameof(weights));
        destination.Clear();
        for (int i = 0; i < values.Length; i++)
        {
            destination[BinIndex(edges, values[i])] += weights[i];
        }

        Normalize(destination, total);
        return total;
    }

    /// <summary>Bin of <paramref name="value"/>: the number of edges strictly below it.</summary>
    public static int BinIndex(ReadOnlySpan<double> edges, double value)
    {
        int lo = 0, hi = edges.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static void AddDistinct(List<double> edges, double edge)
    {
        if (edges.Count == 0 || edge > edges[^1])
        {
            edges.Add(edge);
        }
    }

    private static void RequireDestination(ReadOnlySpan<double> edges, Span<double> destination)
    {
        if (destination.Length != edges.Length + 1)
        {
            throw new ArgumentException($"Destination needs {edges.Length + 1} bins (edges + 1).", nameof(destination));
        }
    }

    private static void Normalize(Span<double> destination, double total)
    {
        if (total <= 0)
        {
            destination.Clear();
            return;
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] /= total;
        }
    }
}
