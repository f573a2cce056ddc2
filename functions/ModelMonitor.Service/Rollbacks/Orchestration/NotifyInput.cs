namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>A rollback notification as the orchestration asks for it (severity in lower case).</summary>
public sealed record NotifyInput(string ModelId, string Title, string Text, string Severity, Dictionary<string, string>? Links);
