using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Service.Checks;
using ModelMonitor.Service.Telemetry;

namespace ModelMonitor.Functions.Checks;

/// <summary>
/// The feedback-loop timer (default daily at 02:45 UTC): CTR drops and narrowing recommendations of every recommender
/// over its last complete day whose clicks have arrived.
/// </summary>
public sealed class RunFeedbackLoopChecksFunction(
    FeedbackLoopRunner runner, MonitorMetrics metrics, AlertMetrics alertMetrics, TimeProvider timeProvider, ILogger<RunFeedbackLoopChecksFunction> logger)
{
    public const string Name = "RunFeedbackLoopChecks";

    [Function(Name)]
    public async Task<FeedbackLoopRunResult> RunAsync([TimerTrigger("%FeedbackLoopChecksSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await CheckTimerRun.RunAsync("feedback-loop", runner.RunAsync, r => r.Failed, metrics, alertMetrics, timeProvider, cancellationToken);
        OperationalChecksLog.Completed(logger, "feedback-loop", result.Evaluated, result.AlertsRaised, result.Failed);
        return result;
    }
}
