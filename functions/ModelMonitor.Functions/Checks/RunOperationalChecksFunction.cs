using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Service.Checks;
using ModelMonitor.Service.Telemetry;

namespace ModelMonitor.Functions.Checks;

/// <summary>
/// The operational checks timer (default 10 minutes past every hour, after the hourly roll-up): usage swings and
/// silence, computational regressions between versions, error-rate rises, for the last complete hour of every model.
/// </summary>
public sealed class RunOperationalChecksFunction(
    OperationalCheckRunner runner, MonitorMetrics metrics, AlertMetrics alertMetrics, TimeProvider timeProvider, ILogger<RunOperationalChecksFunction> logger)
{
    public const string Name = "RunOperationalChecks";

    [Function(Name)]
    public async Task<OperationalRunResult> RunAsync([TimerTrigger("%OperationalChecksSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await CheckTimerRun.RunAsync("operational", runner.RunAsync, r => r.ModelsFailed, metrics, alertMetrics, timeProvider, cancellationToken);
        OperationalChecksLog.Completed(logger, "operational", result.ModelsEvaluated, result.AlertsRaised, result.ModelsFailed);
        return result;
    }
}
