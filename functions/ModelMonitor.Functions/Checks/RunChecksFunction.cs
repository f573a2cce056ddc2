using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Service.Checks;
using ModelMonitor.Service.Cycle;

namespace ModelMonitor.Functions.Checks;

/// <summary>
/// The checks timer (default every 15 minutes from 10 past the hour): one <see cref="MonitoringCycle"/> run over the
/// check stages due since the previous run (statistical each 15 minutes; operational and abuse at the first run after
/// each hour closes; the feedback loop once a day), so the alerts of every check are grouped into incidents along the
/// lineage before any episode opens: a downstream model's alerts in the same period as its upstream's are annotated
/// with the cause and do not page on their own. Named <c>RunChecks</c>: the Bicep alert rules query failures by this name.
/// </summary>
/// <remarks>
/// Roll-ups stay with their own timers (<c>RollupHourly</c>, <c>RollupDaily</c>, which look back over the label
/// lookback); the schedule's 10 minutes past the hour leave the hourly roll-up (5 past) time to finish first. A stage
/// that threw is logged and counted by the cycle while the others still ran and their alerts were recorded; the
/// invocation then fails, so the failure shows in the function's history and alert rules.
/// </remarks>
public sealed class RunChecksFunction(MonitoringCycle cycle, MonitorMetrics metrics, TimeProvider timeProvider, ILogger<RunChecksFunction> logger)
{
    public const string Name = "RunChecks";

    /// <summary>The stages this timer runs: every check, no roll-up.</summary>
    public const CycleStages Stages = CycleStages.Statistical | CycleStages.Operational | CycleStages.Abuse | CycleStages.FeedbackLoop;

    [Function(Name)]
    public async Task<CycleRunResult> RunAsync([TimerTrigger("%ChecksSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var due = CycleSchedule.Due(PreviousRun(timer), timeProvider.GetUtcNow(), cycle.Options) & Stages;
        var result = await cycle.RunAsync(due, cancellationToken);
        metrics.RecordOpened(result.Opened.Select(o => o.Alert));
        if (result.Statistical is { } statistical)
        {
            Log.ChecksCompleted(logger, statistical.Evaluated, statistical.Unchanged, statistical.WithoutReference, statistical.AlertsRaised, statistical.Failed);
        }

        LogStage(logger, "operational", result.Operational);
        LogStage(logger, "abuse", result.Abuse);
        if (result.FeedbackLoop is { } feedback)
        {
            OperationalChecksLog.Completed(logger, "feedback-loop", feedback.Evaluated, feedback.AlertsRaised, feedback.Failed);
        }

        return result.StagesFailed > 0
            ? throw new InvalidOperationException($"{result.StagesFailed} check stage(s) of the monitoring cycle at {result.Now:O} failed (logged); the others ran and their alerts were recorded.")
            : result;
    }

    private static void LogStage(ILogger logger, string check, OperationalRunResult? run)
    {
        if (run is not null)
        {
            OperationalChecksLog.Completed(logger, check, run.ModelsEvaluated, run.AlertsRaised, run.ModelsFailed);
        }
    }

    /// <summary>
    /// When the previous run was scheduled, from the timer's schedule monitor; null (every stage due) on a first run or
    /// without a monitor. The host keeps these times in its own zone, UTC unless WEBSITE_TIME_ZONE says otherwise.
    /// </summary>
    internal static DateTimeOffset? PreviousRun(TimerInfo? timer) => timer?.ScheduleStatus?.Last is { } last && last != default
        ? last.Kind switch
        {
            DateTimeKind.Local => new DateTimeOffset(last.ToUniversalTime(), TimeSpan.Zero),
            _ => new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc), TimeSpan.Zero),
        }
        : null;
}
