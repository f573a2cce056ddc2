namespace ModelMonitor.Service.Reports;

/// <summary>An audited rollback and its steps.</summary>
public sealed record ReportRollback(
    string InstanceId,
    string Site,
    string RequestedBy,
    string Reason,
    bool DryRun,
    string? FromVersion,
    string? ToVersion,
    string Outcome,
    long RecordedAt,
    IReadOnlyList<ReportRollbackStep> Steps);
