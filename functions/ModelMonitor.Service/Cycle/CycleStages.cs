namespace ModelMonitor.Service.Cycle;

/// <summary>The stages of one monitoring cycle, each what one timer does.</summary>
[Flags]
public enum CycleStages
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Hourly roll-ups of the base windows (the <c>RollupHourly</c> timer).</summary>
    RollupHourly = 1,

    /// <summary>Daily roll-ups of the hourly ones (the <c>RollupDaily</c> timer).</summary>
    RollupDaily = 2,

    /// <summary>Drift, data quality and model quality (<see cref="Checks.CheckRunner"/>, the <c>RunChecks</c> timer).</summary>
    Statistical = 4,

    /// <summary>Usage swings, silence, version regressions, error rate (<see cref="Checks.OperationalCheckRunner"/>).</summary>
    Operational = 8,

    /// <summary>Per-caller abuse (<see cref="Checks.AbuseCheckRunner"/>).</summary>
    Abuse = 16,

    /// <summary>Recommender feedback loops (<see cref="Checks.FeedbackLoopRunner"/>).</summary>
    FeedbackLoop = 32,

    /// <summary>Every stage.</summary>
    All = RollupHourly | RollupDaily | Statistical | Operational | Abuse | FeedbackLoop,
}
