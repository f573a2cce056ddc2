using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Service.Telemetry;

namespace ModelMonitor.Functions.Checks;

/// <summary>
/// What every checks timer does around its runner: a <c>check-run</c> span and the run's duration, tagged with the
/// check's name, and the failed models (or a failed run) counted in <c>modelmonitor.checks.failed</c>.
/// </summary>
internal static class CheckTimerRun
{
    public static async Task<T> RunAsync<T>(
        string check,
        Func<CancellationToken, Task<T>> run,
        Func<T, int> failedModels,
        MonitorMetrics metrics,
        AlertMetrics alertMetrics,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var tag = new KeyValuePair<string, object?>("check", check);
        using var activity = AlertMetrics.ActivitySource.StartActivity("check-run");
        activity?.SetTag("modelmonitor.check", check);
        long started = timeProvider.GetTimestamp();
        string outcome = "failed";
        try
        {
            var result = await run(cancellationToken);
            int failed = failedModels(result);
            metrics.ChecksFailed.Add(failed, tag);
            activity?.SetTag("modelmonitor.failed", failed);
            outcome = failed > 0 ? "partial" : "succeeded";
            return result;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.ChecksFailed.Add(1, tag);
            throw;
        }
        finally
        {
            alertMetrics.CheckRunDuration.Record(timeProvider.GetElapsedTime(started).TotalSeconds, new("outcome", outcome), tag);
            activity?.SetTag("modelmonitor.outcome", outcome);
        }
    }
}
