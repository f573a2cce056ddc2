namespace ModelMonitor.Service.Telemetry;

/// <summary>
/// What every check run does around its runner, wherever it runs (a timer, the monitoring cycle, the CLI): a
/// <c>check-run</c> span, the run's duration, and its failed models (or the failed run, counted as one) in
/// <c>modelmonitor.checks.failed</c>, without touching the runner.
/// </summary>
/// <remarks>
/// <c>check</c> names the kind of run in the <c>check</c> dimension and the <c>modelmonitor.check</c> tag (operational,
/// abuse, feedback-loop); the statistical checks pass null and record neither, the dimensions documented for them.
/// </remarks>
public static class InstrumentedCheckRun
{
    public static async Task<T> RunAsync<T>(
        string? check,
        Func<CancellationToken, Task<T>> run,
        Func<T, CheckRunCounts> counts,
        CheckRunTelemetry telemetry,
        TimeProvider timeProvider,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(timeProvider);
        KeyValuePair<string, object?>[] tags = check is null ? [] : [new("check", check)];
        using var activity = AlertMetrics.ActivitySource.StartActivity("check-run");
        if (check is not null)
        {
            activity?.SetTag("modelmonitor.check", check);
        }

        long started = timeProvider.GetTimestamp();
        string outcome = "failed";
        try
        {
            var result = await run(cancellationToken);
            var counted = counts(result);
            telemetry.ChecksFailed?.Add(counted.Failed, tags);
            activity?.SetTag("modelmonitor.evaluated", counted.Evaluated);
            activity?.SetTag("modelmonitor.alerts_raised", counted.AlertsRaised);
            activity?.SetTag("modelmonitor.failed", counted.Failed);
            outcome = counted.Failed > 0 ? "partial" : "succeeded";
            return result;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A run that throws failed as a whole: one, so an alert rule on the counter sees it.
            telemetry.ChecksFailed?.Add(1, tags);
            throw;
        }
        finally
        {
            telemetry.Metrics?.CheckRunDuration.Record(timeProvider.GetElapsedTime(started).TotalSeconds, [new("outcome", outcome), .. tags]);
            activity?.SetTag("modelmonitor.outcome", outcome);
        }
    }
}
