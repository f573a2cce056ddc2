namespace ModelMonitor.Service.Rollbacks;

/// <summary>What starting a rollback did.</summary>
/// <param name="Started">False when one is already running for the same target (answer 409).</param>
/// <param name="InstanceId">The orchestration instance: the new one, or the one already running.</param>
/// <param name="RuntimeStatus">The instance's runtime status as DurableTask names it (Pending, Running, …).</param>
public sealed record RollbackStartResult(bool Started, string InstanceId, string RuntimeStatus);
