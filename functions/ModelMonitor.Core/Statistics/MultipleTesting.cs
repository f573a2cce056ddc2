using System.Buffers;

namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Adjusted p-values for a family of m tests, equal to <c>statsmodels.stats.multitest.multipletests</c> with
/// method 'bonferroni' or 'fdr_bh' (returned "pvals_corrected"); compare the adjusted values with α.
/// </summary>
/// <remarks>
/// Benjamini–Hochberg: with p₍₁₎ ≤ … ≤ p₍ₘ₎, adjusted p₍ᵢ₎ = min_{j ≥ i} p₍ⱼ₎·m/j, capped at 1, returned in the input
/// order. Tied p-values get identical adjusted values, so the sort order of ties does not matter.
/// </remarks>
public static class MultipleTesting
{
    public static double[] Adjust(ReadOnlySpan<double> pValues, MultipleTestingCorrection correction)
    {
        var adjusted = new double[pValues.Length];
        Adjust(pValues, correction, adjusted);
        return adjusted;
    }

    /// <summary>Writes the adjusted p-values to <paramref name="destination"/> (same length; may not overlap the input).</summary>
    public static void Adjust(ReadOnlySpan<double> pValues, MultipleTestingCorrection correction, Span<double> destination)
    {
        if (destination.Length != pValues.Length)
        {
            throw new ArgumentException("Destination must have one entry per p-value.", nameof(destination));
        }

        foreach (double p in pValues)
        {
            if (!(p is >= 0 and <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), p, "p-values must be in [0, 1].");
            }
        }

        int m = pValues.Length;
        switch (correction)
        {
            case MultipleTestingCorrection.None:
                pValues.CopyTo(destination);
                break;
            case MultipleTestingCorrection.Bonferroni:
                for (int i = 0; i < m; i++)
                {
                    destination[i] = Math.Min(pValues[i] * m, 1.0);
                }

                break;
            case MultipleTestingCorrection.BenjaminiHochberg:
                BenjaminiHochberg(pValues, destination);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(correction), correction, "Unknown correction.");
        }
    }

    private static void BenjaminiHochberg(ReadOnlySpan<double> pValues, Span<double> destination)
    {
        int m = pValues.Length;
        double[] sorted = ArrayPool<double>.Shared.Rent(m);
        int[] order = ArrayPool<int>.Shared.Rent(m);
        try
        {
            Span<double> keys = sorted.AsSpan(0, m);
            Span<int> index = order.AsSpan(0, m);
            pValues.CopyTo(keys);
            for (int i = 0; i < m; i++)
            {
                index[i] = i;
            }

            keys.Sort(index);

            // Step-up: running minimum from the largest p-value down. p / (rank/m) as statsmodels, not p·m/rank.
            double running = 1.0;
            for (int rank = m; rank >= 1; rank--)
            {
                running = Math.Min(running, keys[rank - 1] / ((double)rank / m));
                destination[index[rank - 1]] = running;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sorted);
            ArrayPool<int>.Shared.Return(order);
        }
    }
}
