using System.Text;

namespace ModelMonitor.Service.Notifications;

/// <summary>Local runs: one JSON line per notification (the generic payload) to a writer (a file or standard output).</summary>
public sealed class FileNotificationChannel(string name, TextWriter writer) : INotificationChannel, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Name => name;

    public string Type => ChannelTypes.File;

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        string line = Encoding.UTF8.GetString(NotificationPayloads.Generic(notification));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
            await writer.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
