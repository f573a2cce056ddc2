using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Service.Checks;
using ModelMonitor.Service.Telemetry;

namespace ModelMonitor.Functions.Checks;

/// <summary>
/// The abuse checks timer (default 12 minutes past every hour): per-caller request rates, quotas, traffic shares and
/// bursts of identical inputs in the last complete hour of every model.
/// </summary>
public sealed class RunAbuseChecksFunction(
    AbuseCheckRunner runner, MonitorMetrics metrics, AlertMetrics alertMetrics, TimeProvider timeProvider, ILogger<RunAbuseChecksFunction> logger)
{
    public const string Name = "RunAbuseChecks";

    [Function(Name)]
    public async Task<OperationalRunResult> RunAsync([TimerTrigger("%AbuseChecksSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await CheckTimerRun.RunAsync("abuse", runner.RunAsync, r => r.ModelsFailed, metrics, alertMetrics, timeProvider, cancellationToken);
        OperationalChecksLog.Completed(logger, "abuse", result.ModelsEvaluated, result.AlertsRaised, result.ModelsFailed);
        return result;
    }
}
