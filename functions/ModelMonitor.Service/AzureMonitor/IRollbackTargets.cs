namespace ModelMonitor.Service.AzureMonitor;

/// <summary>
/// The configured rollback targets as the webhook sees them. <see cref="RollbackTargetsDocument"/> reads the
/// minimal fields from the rollback configuration JSON; the integrator may map this to the full rollback config parser.
/// </summary>
public interface IRollbackTargets
{
    /// <returns>Every configured target.</returns>
    Task<IReadOnlyList<RollbackTarget>> ListAsync(CancellationToken cancellationToken = default);
}
