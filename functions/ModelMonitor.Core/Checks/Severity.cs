namespace ModelMonitor.Core.Checks;

/// <summary>How urgent a finding or alert is; serialized in lower case ("info", "warning", "error", "critical").</summary>
public enum Severity
{
    /// <summary>Worth knowing, no action expected (e.g. a new feature appeared). Not alerted by default.</summary>
    Info = 0,

    /// <summary>Something changed that may hurt the model: drift, a missing-rate jump, a quality drop.</summary>
    Warning = 1,

    /// <summary>The model is probably being fed or scoring wrongly: a feature disappeared, its type changed, a large quality drop.</summary>
    Error = 2,

    /// <summary>Values the model cannot handle safely: NaN or ±∞ in the current window.</summary>
    Critical = 3,
}
