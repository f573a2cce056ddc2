using ModelMonitor.Service.Checks;

namespace ModelMonitor.Service.Telemetry;

/// <summary>Runs the checks inside a "check-run" span and records the run's duration, without touching the runner.</summary>
public static class InstrumentedCheckRun
{
    public static async Task<CheckRunResult> RunAsync(CheckRunner runner, AlertMetrics? metrics, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(timeProvider);
        using var activity = AlertMetrics.ActivitySource.StartActivity("check-run");
        long started = timeProvider.GetTimestamp();
        string outcome = "failed";
        try
        {
            var result = await runner.RunAsync(cancellationToken);
            activity?.SetTag("modelmonitor.evaluated", result.Evaluated);
            activity?.SetTag("modelmonitor.alerts_raised", result.AlertsRaised);
            activity?.SetTag("modelmonitor.failed", result.Failed);
            outcome = result.Failed > 0 ? "partial" : "succeeded";
            return result;
        }
        finally
        {
            metrics?.CheckRunDuration.Record(timeProvider.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
            activity?.SetTag("modelmonitor.outcome", outcome);
        }
    }
}
