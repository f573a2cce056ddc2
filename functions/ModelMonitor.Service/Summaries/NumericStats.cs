using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Service.Summaries;

/// <summary>
/// The numbers reported for a numeric stream. <see cref="Count"/> is finite values (what mean, std and the
/// quantiles describe); NaN and ±Inf are counted apart, and <see cref="Missing"/> is events without a value,
/// so Count + Nan + PosInf + NegInf + Missing is the event count for a single-typed feature.
/// Undefined statistics (no finite value) are NaN here and null in JSON.
/// </summary>
public sealed record NumericStats(
    long Count,
    long Missing,
    long Nan,
    long PosInf,
    long NegInf,
    double Min,
    double Max,
    double Mean,
    double Std,
    double P50,
    double P95,
    double P99)
{
    public static NumericStats From(NumericSummary summary, long missing)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var empty = summary.Count == 0;
        return new NumericStats(
            summary.Count,
            missing,
            summary.Nan,
            summary.PosInf,
            summary.NegInf,
            empty ? double.NaN : summary.Min,
            empty ? double.NaN : summary.Max,
            empty ? double.NaN : summary.Mean,
            empty ? double.NaN : summary.StdDev,
            empty ? double.NaN : summary.Sketch.GetQuantile(0.50),
            empty ? double.NaN : summary.Sketch.GetQuantile(0.95),
            empty ? double.NaN : summary.Sketch.GetQuantile(0.99));
    }
}
