using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Lineage;
using ModelMonitor.Core.Recommenders;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Service.Cycle;

/// <summary>How a <see cref="MonitoringCycle"/> runs its stages; the defaults are the timers'.</summary>
public sealed record MonitoringCycleOptions
{
    /// <summary>The statistical policy of models without a <c>checks</c> document. <value><see cref="CheckPolicy.Default"/>.</value></summary>
    public CheckPolicy CheckPolicy { get; init; } = CheckPolicy.Default;

    /// <summary>How far back completed windows are re-evaluated when their data changed (late labels). <value>48 hours.</value></summary>
    public TimeSpan ChecksLookback { get; init; } = TimeSpan.FromHours(48);

    /// <summary>
    /// How far back the statistical checks re-evaluate the model quality of whole days whose outcomes changed (late
    /// labels), or null for no such pass. <value>Null; the Functions app sets <c>Checks__LabelLookbackDays</c>.</value>
    /// </summary>
    public TimeSpan? LabelLookback { get; init; }

    /// <summary>Whether the statistical checks evaluate every base window besides whole hours. <value>True.</value></summary>
    public bool IncludeBaseWindows { get; init; } = true;

    /// <summary>When the statistical checks are due (see <see cref="CycleSchedule"/>). <value>Every 15 minutes, as <c>ChecksSchedule</c>.</value></summary>
    public Granularity StatisticalCadence { get; init; } = Granularity.BaseMinutes(15);

    /// <summary>How far back roll-ups are refreshed (late events); daily roll-ups at least two days. <value>48 hours.</value></summary>
    public TimeSpan RollupLookback { get; init; } = TimeSpan.FromHours(48);

    /// <summary>The per-caller policy. <value><see cref="AbusePolicy.Default"/>.</value></summary>
    public AbusePolicy AbusePolicy { get; init; } = AbusePolicy.Default;

    /// <summary>The recommender policy. <value><see cref="FeedbackLoopPolicy.Default"/>.</value></summary>
    public FeedbackLoopPolicy FeedbackLoopPolicy { get; init; } = FeedbackLoopPolicy.Default;

    /// <summary>How long after a day closes its feedback loop is judged (late clicks). <value>6 hours.</value></summary>
    public TimeSpan FeedbackOutcomeDelay { get; init; } = TimeSpan.FromHours(6);

    /// <summary>When a downstream alert still counts as caused by an upstream one.</summary>
    public IncidentGroupingOptions Incidents { get; init; } = new();

    /// <summary>When the <c>upstream</c> fields of events are enough to learn an edge.</summary>
    public LineageLearningOptions Lineage { get; init; } = new();

    /// <summary>How much recent data of each alerting model lineage is learned from. <value>24 hours.</value></summary>
    public TimeSpan LineageLearningSpan { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// No data exists before this instant (a replay knows where its file starts): the serving-history reads stop there
    /// instead of reading weeks of empty hours. Null for a live service. <value>Null.</value>
    /// </summary>
    public DateTimeOffset? DataSince { get; init; }

    /// <summary>Sees every statistical result and the alerts it raised (telemetry). <value>Null.</value></summary>
    public Action<CheckResult, IReadOnlyList<MonitorAlert>>? CheckEvaluated { get; init; }
}
