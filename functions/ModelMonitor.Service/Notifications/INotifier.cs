namespace ModelMonitor.Service.Notifications;

/// <summary>
/// Sends a notification to every channel and subscriber it matches. Never throws for a failed send: failures are
/// recorded and returned, so a broken webhook never blocks a check run or a rollback.
/// </summary>
public interface INotifier
{
    /// <returns>One outcome per channel the notification was routed to.</returns>
    Task<IReadOnlyList<NotificationOutcome>> NotifyAsync(Notification notification, CancellationToken cancellationToken = default);
}
