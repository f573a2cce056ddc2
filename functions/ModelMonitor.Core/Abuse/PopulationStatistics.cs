using ModelMonitor.Core.Operations;

namespace ModelMonitor.Core.Abuse;

/// <summary>
/// Median and MAD of the per-caller request counts of one hour, and the robust z-score of a count against them.
/// </summary>
/// <param name="Callers">Callers counted.</param>
/// <param name="Median">Median requests per caller.</param>
/// <param name="Mad">Median absolute deviation from the median (unscaled).</param>
internal sealed record PopulationStatistics(int Callers, double Median, double Mad)
{
    /// <summary>MAD × 1.4826 estimates the standard deviation of normal data.</summary>
    public const double MadToSigma = 1.482602218505602;

    public static PopulationStatistics Of(IReadOnlyCollection<double> counts)
    {
        double median = Operations.Median.Of(counts);
        double mad = Operations.Median.Of([.. counts.Select(c => Math.Abs(c - median))]);
        return new PopulationStatistics(counts.Count, median, mad);
    }

    /// <summary>
    /// (count − median) / scale, where the scale is 1.4826·MAD but never below the Poisson noise √median (nor 1): when
    /// most callers send the same amount the MAD is 0, and a caller one request above them is not infinitely odd.
    /// </summary>
    public double RobustZ(double count)
    {
        double scale = Math.Max(MadToSigma * Mad, Math.Max(Math.Sqrt(Math.Max(Median, 0)), 1.0));
        return (count - Median) / scale;
    }
}
