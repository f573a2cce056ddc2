namespace ModelMonitor.Service.Notifications;

/// <summary>Records nothing; for runs whose outcomes are printed instead (tests, dry runs).</summary>
public sealed class NullNotificationLog : INotificationLog
{
    public static NullNotificationLog Instance { get; } = new();

    public Task RecordAsync(Notification notification, NotificationOutcome outcome, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
