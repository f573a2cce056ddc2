using ModelMonitor.Service.Rollbacks;

namespace ModelMonitor.Functions.Tests.Api;

/// <summary>A starter for a world where no model has a rollback target, as <see cref="DurableRollbackStarter"/> then throws.</summary>
internal sealed class UnknownTargetRollbackStarter : IRollbackStarter
{
    public Task<RollbackStartResult> StartAsync(RollbackRequest request, CancellationToken cancellationToken = default) =>
        throw new UnknownRollbackTargetException(request.ModelId);
}
