namespace ModelMonitor.Service.Reports;

/// <summary>One step of a rollback: name, status, when, and what it found.</summary>
public sealed record ReportRollbackStep(string Name, string Status, string At, string Detail);
