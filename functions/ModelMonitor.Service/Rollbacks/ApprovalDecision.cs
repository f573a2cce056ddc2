namespace ModelMonitor.Service.Rollbacks;

/// <summary>The external event an approver raises on a waiting rollback (<see cref="EventName"/>).</summary>
/// <param name="Approved">Approve or reject.</param>
/// <param name="By">The approver; must differ from the requester (four eyes).</param>
/// <param name="Comment">Optional note for the audit record.</param>
public sealed record ApprovalDecision(bool Approved, string By, string? Comment = null)
{
    /// <summary>The DurableTask external event name.</summary>
    public const string EventName = "approval";
}
