using ModelMonitor.Core.Configuration;

namespace ModelMonitor.Service.Notifications;

/// <summary>
/// Reads the <c>notifications</c> section of the policy store: defaults (model <c>*</c>) merged with the model's own.
/// A stored document that no longer validates routes nothing from that document and says why in the exception
/// the notifier records, rather than guessing.
/// </summary>
public sealed class StoreNotificationPolicySource(IModelConfigStore store) : INotificationPolicySource
{
    public async Task<NotificationPolicy> GetAsync(string? modelId, CancellationToken cancellationToken = default)
    {
        var policy = await ReadAsync(ConfigSections.DefaultModel, cancellationToken);
        if (modelId is not null && modelId != ConfigSections.DefaultModel)
        {
            policy = policy.Merge(await ReadAsync(modelId, cancellationToken));
        }

        return policy;
    }

    private async Task<NotificationPolicy> ReadAsync(string modelId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(modelId, ConfigSections.Notifications, cancellationToken) is not { } document)
        {
            return NotificationPolicy.Empty;
        }

        var parsed = NotificationPolicy.Parse(document.Json);
        return parsed.Policy ?? throw new InvalidOperationException(
            $"The notifications policy of model '{modelId}' is invalid: {string.Join("; ", parsed.Errors)}");
    }
}
