namespace ModelMonitor.Service.Notifications;

/// <summary>One policy for every model (the CLI's file, tests).</summary>
public sealed class StaticNotificationPolicySource(NotificationPolicy policy) : INotificationPolicySource
{
    public Task<NotificationPolicy> GetAsync(string? modelId, CancellationToken cancellationToken = default) => Task.FromResult(policy);
}
