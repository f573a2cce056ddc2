namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>One step of a rollback as recorded: name, status (ok, failed, skipped, …), orchestration time (ISO-8601) and detail.</summary>
public sealed record RollbackStep(string Name, string Status, string At, string Detail);
