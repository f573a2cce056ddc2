using System.Collections.Concurrent;
using ModelMonitor.Service.Notifications;

namespace ModelMonitor.Service.Tests.Rollbacks;

/// <summary>Records every notification; reports one delivered outcome.</summary>
public sealed class RecordingNotifier : INotifier
{
    public ConcurrentQueue<Notification> Sent { get; } = new();

    public IReadOnlyList<Notification> For(string modelId) => [.. Sent.Where(n => n.ModelId == modelId)];

    public Task<IReadOnlyList<NotificationOutcome>> NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(notification);
        return Task.FromResult<IReadOnlyList<NotificationOutcome>>([new NotificationOutcome("recording", true, 1)]);
    }
}
