namespace ModelMonitor.Core.Rollbacks;

/// <summary>When a rollback waits for a person (<c>none</c>, <c>required</c>, <c>required-below-critical</c>).</summary>
public enum ApprovalPolicy
{
    /// <summary>Swap without asking.</summary>
    None,

    /// <summary>Always wait for an approver.</summary>
    Required,

    /// <summary>Wait for an approver unless the triggering alert is critical (a critical alert acts at once).</summary>
    RequiredBelowCritical,
}
