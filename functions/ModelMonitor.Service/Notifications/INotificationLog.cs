namespace ModelMonitor.Service.Notifications;

/// <summary>Where every send outcome is recorded, so a failed notification is never lost silently.</summary>
public interface INotificationLog
{
    Task RecordAsync(Notification notification, NotificationOutcome outcome, CancellationToken cancellationToken = default);
}
