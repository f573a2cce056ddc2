using ModelMonitor.Core.Lineage;
using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.Checks;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Service.Cycle;

/// <summary>What one run of a <see cref="MonitoringCycle"/> did; a stage that did not run is null.</summary>
/// <param name="Now">The clock time the run was for.</param>
/// <param name="Stages">The stages that ran.</param>
/// <param name="HourlyRollups">Hourly roll-ups.</param>
/// <param name="DailyRollups">Daily roll-ups.</param>
/// <param name="Statistical">Drift, data quality, model quality.</param>
/// <param name="Operational">Usage swings, silence, regressions, error rate.</param>
/// <param name="Abuse">Per-caller abuse.</param>
/// <param name="FeedbackLoop">Recommender feedback loops.</param>
/// <param name="Opened">The alerts that opened an episode in this run, with their episodes, in the order they were recorded.</param>
/// <param name="Incidents">The run's alerts grouped into incidents (every alert of the run, opened or not).</param>
/// <param name="StagesFailed">Stages that threw (logged); the others still ran.</param>
public sealed record CycleRunResult(
    DateTimeOffset Now,
    CycleStages Stages,
    RollupResult? HourlyRollups,
    RollupResult? DailyRollups,
    CheckRunResult? Statistical,
    OperationalRunResult? Operational,
    OperationalRunResult? Abuse,
    FeedbackLoopRunResult? FeedbackLoop,
    IReadOnlyList<OpenedEpisode> Opened,
    IncidentGrouping Incidents,
    int StagesFailed);
