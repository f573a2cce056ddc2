namespace ModelMonitor.Service.Rollbacks;

/// <summary>A rollback was requested for a model without a configured target (HTTP: 404).</summary>
public sealed class UnknownRollbackTargetException(string modelId)
    : Exception($"model '{modelId}' has no rollback target configured")
{
    public string ModelId { get; } = modelId;
}
