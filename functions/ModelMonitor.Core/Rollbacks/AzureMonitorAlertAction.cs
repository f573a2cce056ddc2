namespace ModelMonitor.Core.Rollbacks;

/// <summary>What a fired Azure Monitor alert on the target's site does (<c>rollback</c> or <c>record</c>).</summary>
public enum AzureMonitorAlertAction
{
    /// <summary>Start the target's rollback.</summary>
    Rollback,

    /// <summary>Only record the alert.</summary>
    Record,
}
