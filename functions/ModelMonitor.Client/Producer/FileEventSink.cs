using Azure.Messaging.EventHubs;

namespace ModelMonitor.Client;

/// <summary>
/// An <see cref="IEventSink"/> that appends each event's body to a file as one line of JSON (JSON Lines), so an
/// inference service runs and can be tried offline, without Event Hubs. Each line is a contract-v1 event with its
/// <c>schema</c> field, exactly the bytes Event Hubs would carry, so the file can be fed to
/// <c>modelmonitor ingest --events</c> (one message body per line) or read by the service's parser.
/// </summary>
/// <remarks>
/// The file is opened for appending when the sink is created (its folder is created if missing) and shared for
/// reading, so <c>tail -f</c> works; each batch is flushed to the file before the next is taken. For local runs and
/// tests: there is no rotation and no size limit.
/// </remarks>
public sealed class FileEventSink : IEventSink, IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly FileStream _stream;

    /// <param name="path">The file to append to; created if missing.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be opened for appending.</exception>
    public FileEventSink(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        _stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);
    }

    /// <summary>The full path of the file written.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public async Task EnqueueAsync(IEnumerable<EventData> events, string partitionKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var data in events)
        {
            await _stream.WriteAsync(data.EventBody.ToMemory(), cancellationToken);
            await _stream.WriteAsync(NewLine, cancellationToken);
        }

        // Per batch, so a reader of the file sees events moments after they are published.
        await _stream.FlushAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public Task FlushAsync(CancellationToken cancellationToken) => _stream.FlushAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    /// <summary>Closes the file; for a sink that never reached a producer (the producer disposes the sinks it owns).</summary>
    public void Dispose() => _stream.Dispose();
}
