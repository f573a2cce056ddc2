namespace ModelMonitor.Core.Statistics;

/// <summary>Which distribution produced a two-sample Kolmogorov–Smirnov p-value.</summary>
public enum KsPValueMethod
{
    /// <summary>No test was possible (a sample was empty); the result is D = 0, p = 1 by convention.</summary>
    NotApplicable = 0,

    /// <summary>Exact null distribution by lattice-path counting (both sizes ≤ <see cref="KolmogorovSmirnov.MaxExactSampleSize"/>).</summary>
    Exact = 1,

    /// <summary>
    /// One-sample Kolmogorov distribution of size round(n·m/(n+m)), as SciPy's <c>kstwo</c>; used for larger samples
    /// or when the exact computation fails numerically.
    /// </summary>
    Asymptotic = 2,
}
