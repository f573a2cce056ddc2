using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// Serving numbers of one model (one version, or all) over one hour or day: requests, errors by status, latency
/// quantiles, CPU and memory (mean, p95). Quantiles come from the KLL sketches (within their rank error); NaN where no
/// value was measured.
/// </summary>
/// <remarks>
/// Errors count statuses that are not successes (<see cref="ErrorStatuses"/>); the status counter is exact up to 64
/// distinct statuses, beyond which untracked statuses are not counted (a lower bound).
/// </remarks>
public sealed record ServingPoint(
    DateTimeOffset Start,
    TimeSpan Length,
    long Requests,
    long Errors,
    IReadOnlyDictionary<string, long> ErrorsByStatus,
    long LatencyCount,
    double LatencyMean,
    double LatencyP50,
    double LatencyP95,
    double LatencyP99,
    long CpuCount,
    double CpuMean,
    double CpuP95,
    long MemoryCount,
    double MemoryMean,
    double MemoryP95)
{
    /// <summary>Errors over requests; NaN without requests.</summary>
    public double ErrorRate => Requests == 0 ? double.NaN : (double)Errors / Requests;

    /// <summary>A period that served nothing.</summary>
    public static ServingPoint Empty(DateTimeOffset start, TimeSpan length) =>
        new(start, length, 0, 0, new Dictionary<string, long>(), 0, double.NaN, double.NaN, double.NaN, double.NaN, 0, double.NaN, double.NaN, 0, double.NaN, double.NaN);

    /// <summary>The numbers of a summary (of one version or merged).</summary>
    public static ServingPoint From(WindowSummary summary, DateTimeOffset start, TimeSpan length, ErrorStatuses statuses)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(statuses);
        var byStatus = new Dictionary<string, long>(StringComparer.Ordinal);
        long errors = 0;
        foreach (var item in summary.Statuses.All())
        {
            if (statuses.IsError(item.Item))
            {
                byStatus[item.Item] = item.Count;
                errors += item.Count;
            }
        }

        var latency = summary.LatencyMs;
        return new ServingPoint(
            start,
            length,
            summary.EventCount,
            errors,
            byStatus,
            latency.Count,
            latency.Mean,
            Quantile(latency, 0.50),
            Quantile(latency, 0.95),
            Quantile(latency, 0.99),
            summary.CpuMs.Count,
            summary.CpuMs.Mean,
            Quantile(summary.CpuMs, 0.95),
            summary.MemoryMb.Count,
            summary.MemoryMb.Mean,
            Quantile(summary.MemoryMb, 0.95));
    }

    /// <summary>The value a usage-swing rule compares: requests, errors, p95 latency, mean CPU or mean memory.</summary>
    public double Value(ServingMetric metric) => metric switch
    {
        ServingMetric.Requests => Requests,
        ServingMetric.Errors => Errors,
        ServingMetric.Latency => LatencyP95,
        ServingMetric.Cpu => CpuMean,
        ServingMetric.Memory => MemoryMean,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };

    /// <summary>How many observations back <see cref="Value"/>: errors for the errors metric, measured values otherwise.</summary>
    public long Volume(ServingMetric metric) => metric switch
    {
        ServingMetric.Requests => Requests,
        ServingMetric.Errors => Errors,
        ServingMetric.Latency => LatencyCount,
        ServingMetric.Cpu => CpuCount,
        ServingMetric.Memory => MemoryCount,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };

    private static double Quantile(NumericSummary values, double rank) => values.Count == 0 ? double.NaN : values.Sketch.GetQuantile(rank);
}
