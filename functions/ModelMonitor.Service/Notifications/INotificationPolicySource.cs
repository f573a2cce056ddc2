namespace ModelMonitor.Service.Notifications;

/// <summary>The routing policy that applies to a model (defaults merged with the model's own).</summary>
public interface INotificationPolicySource
{
    Task<NotificationPolicy> GetAsync(string? modelId, CancellationToken cancellationToken = default);
}
