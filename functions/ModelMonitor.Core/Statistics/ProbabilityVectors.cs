using System.Buffers;

namespace ModelMonitor.Core.Statistics;

/// <summary>Normalization and the empty-bin floor shared by PSI and KL.</summary>
internal static class ProbabilityVectors
{
    /// <summary>Vectors up to this length live on the stack; longer ones are rented.</summary>
    public const int StackLimit = 256;

    /// <summary>Checks a pair of aligned mass vectors and returns their totals.</summary>
    public static (double Reference, double Current) RequirePair(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        double a = SampleValidation.RequireMasses(reference, reference.Length, nameof(reference));
        double b = SampleValidation.RequireMasses(current, reference.Length, nameof(current));
        return (a, b);
    }

    public static void RequireEpsilon(double epsilon)
    {
        if (!(epsilon > 0 && epsilon < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "The probability floor must be in (0, 1).");
        }
    }

    /// <summary>
    /// destination = masses / total, floored at <paramref name="epsilon"/>, then renormalized to sum 1.
    /// The floor keeps ln(p/q) finite for empty bins; renormalizing keeps it a distribution.
    /// </summary>
    public static void Smooth(ReadOnlySpan<double> masses, double total, double epsilon, Span<double> destination)
    {
        double sum = 0.0;
        for (int i = 0; i < masses.Length; i++)
        {
            destination[i] = Math.Max(masses[i] / total, epsilon);
            sum += destination[i];
        }

        for (int i = 0; i < masses.Length; i++)
        {
            destination[i] /= sum;
        }
    }

    public static double[]? RentIfLarge(int length) => length > StackLimit ? ArrayPool<double>.Shared.Rent(length) : null;

    public static void Return(double[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Σ term(a_i, b_i) over both vectors normalised and floored at <paramref name="epsilon"/> (see <see cref="Smooth"/>):
    /// the shared core of PSI and KL. 0 when either vector has no mass.
    /// </summary>
    public static double SumOverSmoothed(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double epsilon, Func<double, double, double> term)
    {
        RequireEpsilon(epsilon);
        (double aTotal, double bTotal) = RequirePair(a, b);
        if (aTotal <= 0 || bTotal <= 0)
        {
            return 0.0;
        }

        int k = a.Length;
        double[]? rented = RentIfLarge(2 * k);
        try
        {
            Span<double> buffer = rented is null ? stackalloc double[2 * k] : rented.AsSpan(0, 2 * k);
            Span<double> smoothedA = buffer[..k];
            Span<double> smoothedB = buffer[k..];
            Smooth(a, aTotal, epsilon, smoothedA);
            Smooth(b, bTotal, epsilon, smoothedB);
            double sum = 0.0;
            for (int i = 0; i < k; i++)
            {
                sum += term(smoothedA[i], smoothedB[i]);
            }

            return sum;
        }
        finally
        {
            Return(rented);
        }
    }
}
