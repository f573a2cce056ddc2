namespace ModelMonitor.Core.Statistics;

/// <summary>Argument checks shared by the statistics; bad input is a caller bug, so these throw.</summary>
internal static class SampleValidation
{
    /// <summary>Ascending order (ties allowed) and no NaN; NaN fails every comparison, so it is caught here too.</summary>
    public static void RequireSorted(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]) || (i > 0 && !(values[i] >= values[i - 1])))
            {
                throw new ArgumentException("Values must be sorted ascending and contain no NaN.", paramName);
            }
        }
    }

    public static void RequireNoNaN(ReadOnlySpan<double> values, string paramName)
    {
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                throw new ArgumentException("Values must not contain NaN (count missing values separately).", paramName);
            }
        }
    }

    public static void RequireFinite(ReadOnlySpan<double> values, string paramName)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("Values must be finite.", paramName);
            }
        }
    }

    /// <summary>Non-negative finite masses (weights, counts or probabilities) of the expected length; returns their sum.</summary>
    public static double RequireMasses(ReadOnlySpan<double> masses, int expectedLength, string paramName)
    {
        if (masses.Length != expectedLength)
        {
            throw new ArgumentException($"Expected {expectedLength} entries, got {masses.Length}.", paramName);
        }

        double total = 0;
        foreach (double w in masses)
        {
            if (!(w >= 0) || !double.IsFinite(w))
            {
                throw new ArgumentException("Weights and counts must be finite and non-negative.", paramName);
            }

            total += w;
        }

        return total;
    }
}
