namespace ModelMonitor.Core.Statistics;

/// <summary>Decision for one feature.</summary>
public enum DriftStatus
{
    /// <summary>Enough data on both sides and the score did not cross the threshold.</summary>
    NoDrift = 0,

    /// <summary>Enough data on both sides and the score crossed the threshold.</summary>
    Drifted = 1,

    /// <summary>Reference or current window below the minimum sample size: no decision, never reported as drift.</summary>
    InsufficientData = 2,
}
