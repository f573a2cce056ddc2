namespace ModelMonitor.Service.Alerts;

/// <summary>The states an alert is listed in.</summary>
public static class AlertStates
{
    /// <summary>Raised and not acknowledged.</summary>
    public const string Open = "open";

    /// <summary>Acknowledged by an operator.</summary>
    public const string Acknowledged = "acknowledged";
}
