namespace ModelMonitor.Service.AzureMonitor;

/// <summary>What the webhook did with an alert.</summary>
public static class AzureAlertActions
{
    /// <summary>A rollback of the matched target was started (or one was already running for it).</summary>
    public const string RollbackStarted = "rollback-started";

    /// <summary>A dry-run rollback was started.</summary>
    public const string RollbackDryRun = "rollback-dry-run";

    /// <summary>Recorded only: resolved, or the target says <c>record</c>.</summary>
    public const string Recorded = "recorded";

    /// <summary>Nothing to do: no matching target, not a firing, or a repeated delivery.</summary>
    public const string Ignored = "ignored";
}
