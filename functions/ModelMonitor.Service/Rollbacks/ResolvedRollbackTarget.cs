using ModelMonitor.Core.Rollbacks;

namespace ModelMonitor.Service.Rollbacks;

/// <summary>A model's rollback target with the ARM endpoint of its cloud.</summary>
public sealed record ResolvedRollbackTarget(string ModelId, Uri ArmEndpoint, RollbackTarget Target);
