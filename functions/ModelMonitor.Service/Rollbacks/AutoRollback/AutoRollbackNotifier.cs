using ModelMonitor.Service.Notifications;

namespace ModelMonitor.Service.Rollbacks.AutoRollback;

/// <summary>
/// Subscribes <see cref="AutoRollbackTrigger"/> to alert episodes by decorating the notifier the alert lifecycle uses:
/// the lifecycle notifies exactly once per episode opened or risen (only the writer that won), so this sees each such
/// notice once. People are told about the alert first; then the trigger decides whether a rollback starts.
/// </summary>
public sealed class AutoRollbackNotifier(INotifier inner, AutoRollbackTrigger trigger) : INotifier
{
    public async Task<IReadOnlyList<NotificationOutcome>> NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        var outcomes = await inner.NotifyAsync(notification, cancellationToken);
        await trigger.OnNotificationAsync(notification, cancellationToken);
        return outcomes;
    }
}
