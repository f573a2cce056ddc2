namespace ModelMonitor.Service.AzureMonitor;

/// <summary>Targets fixed at construction: the CLI's <c>--config</c> file, and tests.</summary>
public sealed class StaticRollbackTargets(IReadOnlyList<RollbackTarget> targets) : IRollbackTargets
{
    public Task<IReadOnlyList<RollbackTarget>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult(targets);
}
