namespace ModelMonitor.Core.Operations;

/// <summary>What one evaluated condition came to, so that a lifecycle can resolve episodes on clear evaluations.</summary>
public enum ConditionState
{
    /// <summary>The condition holds: an alert was produced.</summary>
    Fired = 0,

    /// <summary>Evaluated with enough data and volume; the condition does not hold.</summary>
    Clear = 1,

    /// <summary>Not enough history to form a baseline: nothing is guessed.</summary>
    HistoryTooShort = 2,

    /// <summary>Volume below the policy's minimum: too little to judge.</summary>
    BelowVolume = 3,

    /// <summary>Switched off by policy (or the model is retired).</summary>
    Disabled = 4,
}
