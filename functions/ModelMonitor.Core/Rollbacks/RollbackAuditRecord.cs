namespace ModelMonitor.Core.Rollbacks;

/// <summary>What the <c>audit</c> table keeps of one rollback: who asked and why, the versions before and after, every step and the outcome.</summary>
public sealed record RollbackAuditRecord(
    string InstanceId,
    string ModelId,
    string Site,
    string StandbySlot,
    string RequestedBy,
    string Reason,
    string? AlertId,
    bool DryRun,
    string? FromVersion,
    string? ToVersion,
    string? Evidence,
    string Outcome,
    DateTimeOffset RecordedAt,
    IReadOnlyList<RollbackAuditStep> Steps);
