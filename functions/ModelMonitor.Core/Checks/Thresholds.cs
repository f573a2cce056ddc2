namespace ModelMonitor.Core.Checks;

/// <summary>Threshold comparisons that do not miss by a rounding error (0.3 − 0.2 is 0.0999…98 in binary).</summary>
internal static class Thresholds
{
    private const double Tolerance = 1e-12;

    /// <summary>value ≥ threshold, allowing for floating-point rounding.</summary>
    public static bool Reached(double value, double threshold) => value >= threshold - (Tolerance * Math.Max(1.0, Math.Abs(threshold)));
}
