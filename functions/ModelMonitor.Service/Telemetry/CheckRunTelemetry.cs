using System.Diagnostics.Metrics;

namespace ModelMonitor.Service.Telemetry;

/// <summary>
/// The instruments a check run records into: the run's duration (<c>modelmonitor.checks.duration</c>) and, when the
/// host has it, the counter of failed runs and models (<c>modelmonitor.checks.failed</c>, the Functions app's meter).
/// </summary>
/// <param name="Metrics">The service metrics, or null for none.</param>
/// <param name="ChecksFailed">The failed counter, or null for none.</param>
public sealed record CheckRunTelemetry(AlertMetrics? Metrics, Counter<long>? ChecksFailed = null)
{
    /// <summary>Spans only (an ActivitySource without listeners costs nothing).</summary>
    public static CheckRunTelemetry None { get; } = new(Metrics: null);
}
