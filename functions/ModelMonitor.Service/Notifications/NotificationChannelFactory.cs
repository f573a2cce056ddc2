using System.Collections.Concurrent;
using System.Text;

namespace ModelMonitor.Service.Notifications;

/// <summary>
/// Builds channels from configuration. Secrets are read by name through <c>settings</c> (app settings), never from the
/// policy document; file channels write to the given path (appending) or, for an empty path or "-", to <c>console</c>.
/// </summary>
public sealed class NotificationChannelFactory(HttpClient http, Func<string, string?> settings, TimeProvider timeProvider, TextWriter console) : IDisposable
{
    private readonly ConcurrentDictionary<string, FileNotificationChannel> _files = new(StringComparer.Ordinal);
    private readonly List<TextWriter> _opened = [];

    /// <exception cref="NotificationSendException">A named secret setting is missing (not transient).</exception>
    public INotificationChannel Create(NotificationChannelConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Type == ChannelTypes.File)
        {
            return _files.GetOrAdd(config.Url ?? "-", path => new FileNotificationChannel(config.Name, path is "" or "-" ? console : Open(path)));
        }

        byte[]? secret = null;
        if (config.SecretSetting is { } setting)
        {
            secret = settings(setting) is { Length: > 0 } value
                ? Encoding.UTF8.GetBytes(value)
                : throw new NotificationSendException($"webhook channel '{config.Name}': app setting '{setting}' holding its secret is not set", isTransient: false);
        }

        return new HttpNotificationChannel(http, config, secret, timeProvider);
    }

    public void Dispose()
    {
        foreach (var channel in _files.Values)
        {
            channel.Dispose();
        }

        lock (_opened)
        {
            _opened.ForEach(w => w.Dispose());
        }
    }

    private StreamWriter Open(string path)
    {
        var writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
        lock (_opened)
        {
            _opened.Add(writer);
        }

        return writer;
    }
}
