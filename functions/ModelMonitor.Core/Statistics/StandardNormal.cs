using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ModelMonitor.Core.Statistics;

/// <summary>Standard normal tail and quantile helpers (MathNet's erfc / inverse erfc, accurate to ~1e-15 relative).</summary>
internal static class StandardNormal
{
    /// <summary>2·P(Z ≥ |z|) = erfc(|z|/√2), as SciPy's <c>2 * norm.sf(abs(z))</c>.</summary>
    public static double TwoSidedPValue(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2.0));

    /// <summary>z such that P(Z ≥ z) = <paramref name="upperTail"/> (SciPy's <c>norm.isf</c>).</summary>
    public static double UpperQuantile(double upperTail) => -Normal.InvCDF(0.0, 1.0, upperTail);
}
