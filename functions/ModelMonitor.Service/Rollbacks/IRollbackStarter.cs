namespace ModelMonitor.Service.Rollbacks;

/// <summary>
/// Starts the rollback orchestration for a target: one seam for the HTTP API, the Azure Monitor webhook, check alerts
/// with an auto-rollback policy and the CLI. A singleton per target: a second request while one runs starts nothing.
/// </summary>
public interface IRollbackStarter
{
    Task<RollbackStartResult> StartAsync(RollbackRequest request, CancellationToken cancellationToken = default);
}
