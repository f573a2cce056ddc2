using ModelMonitor.Core.Rollbacks;

namespace ModelMonitor.Service.Rollbacks;

/// <summary>Targets from one parsed configuration (the CLI's <c>--config</c> file).</summary>
public sealed class ConfigRollbackTargetSource(RollbackConfig config) : IRollbackTargetSource
{
    public Task<ResolvedRollbackTarget?> GetAsync(string modelId, CancellationToken cancellationToken = default) =>
        Task.FromResult(config.Targets.TryGetValue(modelId, out var target) ? new ResolvedRollbackTarget(modelId, config.ArmEndpoint, target) : null);
}
