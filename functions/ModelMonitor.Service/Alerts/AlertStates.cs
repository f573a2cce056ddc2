namespace ModelMonitor.Service.Alerts;

/// <summary>The <c>state</c> filter of the alert list: an episode's state, or <c>open</c> for any not resolved.</summary>
public static class AlertStates
{
    /// <summary>Firing or acknowledged: not resolved.</summary>
    public const string Open = "open";

    /// <summary>The condition holds and nobody acknowledged it.</summary>
    public const string Firing = "firing";

    /// <summary>Acknowledged by an operator: no reminders.</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>Clear for long enough.</summary>
    public const string Resolved = "resolved";

    /// <summary>Every accepted filter value.</summary>
    public static IReadOnlyList<string> All { get; } = [Open, Firing, Acknowledged, Resolved];
}
