namespace ModelMonitor.Service.Rollbacks;

/// <summary>Reads rollback instances and raises approval decisions on them (the Functions app maps it to the DurableTask client).</summary>
public interface IRollbackInstances
{
    /// <returns>The instance, or null when there is none with that id.</returns>
    Task<RollbackStatus?> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Raises <see cref="ApprovalDecision.EventName"/> on a waiting instance.</summary>
    Task RaiseApprovalAsync(string instanceId, ApprovalDecision decision, CancellationToken cancellationToken = default);
}
