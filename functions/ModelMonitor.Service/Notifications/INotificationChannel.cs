namespace ModelMonitor.Service.Notifications;

/// <summary>One configured destination; throws <see cref="NotificationSendException"/> when a send fails.</summary>
public interface INotificationChannel
{
    /// <summary>The configured name (never the URL).</summary>
    string Name { get; }

    /// <summary>One of <see cref="ChannelTypes"/>.</summary>
    string Type { get; }

    Task SendAsync(Notification notification, CancellationToken cancellationToken = default);
}
