using ModelMonitor.Core.Configuration;

namespace ModelMonitor.Service.AzureMonitor;

/// <summary>
/// Targets from the policy store: the rollback configuration of the defaults model (<c>*</c>, section
/// <c>rollback</c>), read on every alert so an edit applies at once. An unreadable document means no targets.
/// </summary>
public sealed class StoredRollbackTargets(IModelConfigStore store) : IRollbackTargets
{
    public async Task<IReadOnlyList<RollbackTarget>> ListAsync(CancellationToken cancellationToken = default)
    {
        var document = await store.GetAsync(ConfigSections.DefaultModel, ConfigSections.Rollback, cancellationToken);
        if (document is null)
        {
            return [];
        }

        try
        {
            return RollbackTargetsDocument.Parse(document.Json);
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
