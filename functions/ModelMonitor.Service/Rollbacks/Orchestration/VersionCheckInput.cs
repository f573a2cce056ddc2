namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>Input of the versions activity.</summary>
public sealed record VersionCheckInput(string ModelId, RollbackTargetInput Target);
