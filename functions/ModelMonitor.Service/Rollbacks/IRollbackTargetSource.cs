namespace ModelMonitor.Service.Rollbacks;

/// <summary>Where rollback targets come from: the policy store's <c>rollback</c> section in the app, a file in the CLI.</summary>
public interface IRollbackTargetSource
{
    /// <returns>The model's target, or null when it has none.</returns>
    /// <exception cref="InvalidRollbackConfigException">The stored configuration does not validate.</exception>
    Task<ResolvedRollbackTarget?> GetAsync(string modelId, CancellationToken cancellationToken = default);
}
