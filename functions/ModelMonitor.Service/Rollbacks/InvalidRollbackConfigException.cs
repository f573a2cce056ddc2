namespace ModelMonitor.Service.Rollbacks;

/// <summary>A stored or given rollback configuration failed validation; <see cref="Exception.Message"/> lists each problem with its JSON path.</summary>
public sealed class InvalidRollbackConfigException(IReadOnlyList<string> errors)
    : Exception($"invalid rollback configuration: {string.Join("; ", errors)}")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
