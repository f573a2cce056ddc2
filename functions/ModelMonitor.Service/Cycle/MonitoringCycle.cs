using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Lineage;
using ModelMonitor.Core.Operations;
using ModelMonitor.Core.Windows;
using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.Checks;
using ModelMonitor.Service.Telemetry;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Service.Cycle;

/// <summary>
/// One monitoring cycle for the clock's time, the composition every timer is a part of: roll-ups, then each check that
/// is due (statistical, operational, abuse, feedback loop), then the run's alerts grouped into incidents along the
/// lineage and recorded as episodes. The Functions timers, <c>modelmonitor replay</c> (a simulated clock stepping
/// through a file) and the local run all drive this one class, so they behave alike.
/// </summary>
/// <remarks>
/// <para>
/// The checks raise into a buffer; only after every due stage has run are the alerts grouped
/// (<see cref="IncidentGrouper"/>, with the configured and learned lineage of <see cref="LineageSource"/>) and handed
/// to the sink: an <see cref="IIncidentAlertSink"/> (the alert lifecycle) annotates the episodes and lets only each
/// incident's root page; any other sink just records the evaluations.
/// </para>
/// <para>
/// Each check stage runs inside <see cref="InstrumentedCheckRun"/> (a <c>check-run</c> span, its duration and failed
/// models in <paramref name="telemetry"/>, dimension <c>check</c>: none for the statistical stage, <c>operational</c>,
/// <c>abuse</c>, <c>feedback-loop</c>). The abuse stage reads the <c>abuse</c> policy from the store over
/// <see cref="MonitoringCycleOptions.AbusePolicy"/> and, given <paramref name="reputations"/>, updates the callers'
/// reputation.
/// </para>
/// <para>
/// Failures stay small: each runner already skips a failing model (logged and counted), and a stage that throws is
/// logged and counted in <see cref="CycleRunResult.StagesFailed"/> while the other stages still run and their alerts
/// are still recorded.
/// </para>
/// </remarks>
public sealed partial class MonitoringCycle(
    BlobContainerClient windows,
    SummaryReader reader,
    ReferenceStore references,
    CheckResultStore results,
    IModelConfigStore configs,
    IAlertSink alerts,
    TimeProvider timeProvider,
    MonitoringCycleOptions options,
    ILoggerFactory? loggers = null,
    CheckRunTelemetry? telemetry = null,
    CallerReputationUpdater? reputations = null)
{
    private readonly CheckRunTelemetry _telemetry = telemetry ?? CheckRunTelemetry.None;
    private readonly ILoggerFactory _loggers = loggers ?? NullLoggerFactory.Instance;
    private readonly ILogger _log = (loggers ?? NullLoggerFactory.Instance).CreateLogger<MonitoringCycle>();

    /// <summary>The options the cycle runs with.</summary>
    public MonitoringCycleOptions Options => options;

    /// <summary>Runs the stages <see cref="CycleSchedule.Due"/> says the step from <paramref name="previous"/> to now makes due.</summary>
    public Task<CycleRunResult> RunDueAsync(DateTimeOffset? previous, CancellationToken cancellationToken = default) =>
        RunAsync(CycleSchedule.Due(previous, timeProvider.GetUtcNow(), options), cancellationToken);

    /// <summary>Runs <paramref name="stages"/> for the clock's current time.</summary>
    public async Task<CycleRunResult> RunAsync(CycleStages stages, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var buffer = new BufferingAlertSink();
        int failed = 0;

        async Task<T?> StageAsync<T>(CycleStages stage, Func<Task<T>> run)
            where T : class
        {
            if (!stages.HasFlag(stage))
            {
                return null;
            }

            try
            {
                return await run();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStageFailed(_log, ex, stage.ToString(), now);
                failed++;
                return null;
            }
        }

        var rollups = new RollupService(windows, reader, timeProvider);
        var hourly = await StageAsync(CycleStages.RollupHourly, () => rollups.RunAsync(Granularity.Hour, options.RollupLookback, cancellationToken));
        var daily = await StageAsync(CycleStages.RollupDaily, () => rollups.RunAsync(
            Granularity.Day, options.RollupLookback > TimeSpan.FromHours(48) ? options.RollupLookback : TimeSpan.FromHours(48), cancellationToken));
        var statistical = await StageAsync(CycleStages.Statistical, () => Instrumented(null, ct => new CheckRunner(
            reader,
            references,
            results,
            buffer,
            timeProvider,
            options.CheckPolicy,
            Bounded(now, options.ChecksLookback),
            options.IncludeBaseWindows,
            options.CheckEvaluated,
            _loggers.CreateLogger<CheckRunner>(),
            configs,
            options.LabelLookback).RunAsync(ct), r => new(r.Evaluated, r.AlertsRaised, r.Failed), cancellationToken));
        var operational = await StageAsync(CycleStages.Operational, () => Instrumented("operational", ct => new OperationalCheckRunner(
            reader,
            new ConfigStoreOperationalPolicySource(configs, _loggers.CreateLogger<ConfigStoreOperationalPolicySource>()),
            buffer,
            timeProvider,
            _loggers.CreateLogger<OperationalCheckRunner>(),
            HistoryDays(now, OperationalChecks.HistoryDays(OperationalPolicy.Default))).RunAsync(ct), OperationalCounts, cancellationToken));
        var abuse = await StageAsync(CycleStages.Abuse, () => Instrumented("abuse", ct => new AbuseCheckRunner(
            reader,
            options.AbusePolicy,
            buffer,
            timeProvider,
            _loggers.CreateLogger<AbuseCheckRunner>(),
            HistoryDays(now, CallerAbuseChecks.HistoryDays(options.AbusePolicy)),
            policies: new ConfigStoreAbusePolicySource(configs, _loggers.CreateLogger<ConfigStoreAbusePolicySource>()),
            reputations: reputations).RunAsync(ct), OperationalCounts, cancellationToken));
        var feedback = await StageAsync(CycleStages.FeedbackLoop, () => Instrumented("feedback-loop", ct => new FeedbackLoopRunner(
            reader, buffer, timeProvider, options.FeedbackLoopPolicy, options.FeedbackOutcomeDelay, _loggers.CreateLogger<FeedbackLoopRunner>()).RunAsync(ct),
            r => new(r.Evaluated, r.AlertsRaised, r.Failed), cancellationToken));

        var evaluations = buffer.Evaluations;
        var found = buffer.Alerts.ToList();
        // Lineage matters only when two models alerted: one model's alerts are one incident whatever the graph.
        var lineage = found.Select(a => a.ModelId).Distinct(StringComparer.Ordinal).Skip(1).Any()
            ? await new LineageSource(reader, configs, _log).ReadAsync(found.Select(a => a.ModelId), now, options, cancellationToken)
            : LineageGraph.Empty;
        var grouping = IncidentGrouper.Group(found, lineage, Granularity.Hour.Floor(now), options.Incidents);

        IReadOnlyList<OpenedEpisode> opened;
        if (alerts is IIncidentAlertSink incidentSink)
        {
            opened = await incidentSink.RecordRunAsync(evaluations, grouping, cancellationToken);
        }
        else
        {
            var all = new List<OpenedEpisode>();
            foreach (var evaluation in evaluations)
            {
                all.AddRange((await alerts.RecordAsync(evaluation, cancellationToken)).Select(a => new OpenedEpisode(a, null)));
            }

            opened = all;
        }

        var result = new CycleRunResult(now, stages, hourly, daily, statistical, operational, abuse, feedback, opened, grouping, failed);
        LogCycleCompleted(_log, now, stages.ToString(), found.Count, opened.Count, grouping.Incidents.Count, grouping.Incidents.Count(i => i.IsCascade), failed);
        return result;
    }

    private static CheckRunCounts OperationalCounts(OperationalRunResult r) => new(r.ModelsEvaluated, r.AlertsRaised, r.ModelsFailed);

    private Task<T> Instrumented<T>(string? check, Func<CancellationToken, Task<T>> run, Func<T, CheckRunCounts> counts, CancellationToken cancellationToken) =>
        InstrumentedCheckRun.RunAsync(check, run, counts, _telemetry, timeProvider, cancellationToken);

    // With a known start of the data, looking further back only lists empty hours.
    private TimeSpan Bounded(DateTimeOffset now, TimeSpan lookback) =>
        options.DataSince is { } since && now - Granularity.Hour.Floor(since) < lookback ? now - Granularity.Hour.Floor(since) : lookback;

    // With a known start of the data, reading further back only reads empty hours.
    private int? HistoryDays(DateTimeOffset now, int needed) =>
        options.DataSince is { } since ? Math.Clamp((int)Math.Ceiling((now - since).TotalDays) + 1, 1, needed) : null;

    [LoggerMessage(EventId = 4200, Level = LogLevel.Error, Message = "Monitoring stage {Stage} at {Now} failed; the other stages still run")]
    private static partial void LogStageFailed(ILogger logger, Exception exception, string stage, DateTimeOffset now);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Monitoring cycle at {Now} ran {Stages}: {Alerts} alert(s), {Opened} episode(s) opened, {Incidents} incident(s) of which {Cascades} cascade(s), {Failed} stage(s) failed")]
    private static partial void LogCycleCompleted(ILogger logger, DateTimeOffset now, string stages, int alerts, int opened, int incidents, int cascades, int failed);
}
