using ModelMonitor.Service.Rollbacks;

namespace ModelMonitor.Functions.Tests.Api;

/// <summary>A starter whose stored rollback policy no longer validates, as <see cref="DurableRollbackStarter"/> then throws.</summary>
internal sealed class InvalidConfigRollbackStarter : IRollbackStarter
{
    public Task<RollbackStartResult> StartAsync(RollbackRequest request, CancellationToken cancellationToken = default) =>
        throw new InvalidRollbackConfigException(["$.targets.churn.site: required"]);
}
