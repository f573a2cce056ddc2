namespace ModelMonitor.Core.Rollbacks;

/// <summary>One timed step of an audited rollback.</summary>
public sealed record RollbackAuditStep(string Name, string Status, string At, string Detail);
