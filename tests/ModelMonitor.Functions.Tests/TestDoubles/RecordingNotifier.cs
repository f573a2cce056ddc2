using System.Collections.Concurrent;
using ModelMonitor.Service.Notifications;

namespace ModelMonitor.Functions.Tests.TestDoubles;

/// <summary>Records every notification the alert lifecycle sends; reports one delivered outcome.</summary>
public sealed class RecordingNotifier : INotifier
{
    public ConcurrentQueue<Notification> Sent { get; } = new();

    public Task<IReadOnlyList<NotificationOutcome>> NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(notification);
        return Task.FromResult<IReadOnlyList<NotificationOutcome>>([new NotificationOutcome("recording", true, 1)]);
    }
}
