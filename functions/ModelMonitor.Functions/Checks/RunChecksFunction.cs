using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Service.Checks;
using ModelMonitor.Service.Telemetry;

namespace ModelMonitor.Functions.Checks;

/// <summary>
/// The checks timer (default every 15 minutes): drift, data quality and model quality of completed windows and the
/// latest hour, for every model version. Named <c>RunChecks</c>: the Bicep alert rules query failures by this name.
/// </summary>
public sealed class RunChecksFunction(CheckRunner runner, MonitorMetrics metrics, AlertMetrics alertMetrics, TimeProvider timeProvider, ILogger<RunChecksFunction> logger)
{
    public const string Name = "RunChecks";

    [Function(Name)]
    public async Task<CheckRunResult> RunAsync([TimerTrigger("%ChecksSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        try
        {
            var result = await InstrumentedCheckRun.RunAsync(runner, alertMetrics, timeProvider, cancellationToken);
            metrics.ChecksFailed.Add(result.Failed);
            Log.ChecksCompleted(logger, result.Evaluated, result.Unchanged, result.WithoutReference, result.AlertsRaised, result.Failed);
            return result;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.ChecksFailed.Add(1);
            throw;
        }
    }
}
