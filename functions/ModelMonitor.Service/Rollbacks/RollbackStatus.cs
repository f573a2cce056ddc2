namespace ModelMonitor.Service.Rollbacks;

/// <summary>A rollback instance as the ops API shows it.</summary>
/// <param name="InstanceId">The orchestration instance.</param>
/// <param name="RuntimeStatus">Pending, Running, Completed, Failed, Terminated, …</param>
/// <param name="CreatedAt">When it was scheduled.</param>
/// <param name="LastUpdatedAt">Its last change.</param>
/// <param name="CustomStatus">The orchestration's custom status (raw JSON), e.g. the step it is at.</param>
/// <param name="Output">Its output when finished (raw JSON).</param>
public sealed record RollbackStatus(string InstanceId, string RuntimeStatus, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, string? CustomStatus, string? Output);
