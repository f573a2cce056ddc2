using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Rollbacks;

namespace ModelMonitor.Service.Rollbacks;

/// <summary>
/// Targets from the policy store: a model's <c>rollback</c> section holds the configuration shape with (at least) that
/// model under <c>targets</c>, validated on every read by <see cref="RollbackConfigParser"/>.
/// </summary>
public sealed class StoreRollbackTargetSource(IModelConfigStore store) : IRollbackTargetSource
{
    public async Task<ResolvedRollbackTarget?> GetAsync(string modelId, CancellationToken cancellationToken = default)
    {
        var document = await store.GetAsync(modelId, ConfigSections.Rollback, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var parsed = RollbackConfigParser.Parse(document.Json);
        if (!parsed.IsValid)
        {
            throw new InvalidRollbackConfigException(parsed.Errors);
        }

        return parsed.Config!.Targets.TryGetValue(modelId, out var target) ? new ResolvedRollbackTarget(modelId, parsed.Config.ArmEndpoint, target) : null;
    }
}
