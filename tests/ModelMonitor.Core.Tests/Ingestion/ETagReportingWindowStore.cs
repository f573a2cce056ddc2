using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Tests.Ingestion;

/// <summary>
/// <see cref="InMemoryWindowStore"/> that reports the new ETag from writes, like the blob store, so the pipeline's
/// cache engages. <see cref="LoseNextResponse"/> commits the next write and then throws, as a connection reset
/// after the server applied the request would.
/// </summary>
internal sealed class ETagReportingWindowStore : InMemoryWindowStore, IWindowStore
{
    private readonly Lock _lock = new();

    public bool LoseNextResponse { get; set; }

    public async Task<WindowWriteOutcome> WriteAsync(WindowKey key, string partition, StoredWindow window, string? expectedETag, CancellationToken cancellationToken = default)
    {
        bool written;
        string? etag;
        lock (_lock)
        {
            written = TryWriteAsync(key, partition, window, expectedETag, cancellationToken).GetAwaiter().GetResult();
            etag = written ? ETagOf(key, partition) : null;
        }

        await Task.Yield();
        if (written && LoseNextResponse)
        {
            LoseNextResponse = false;
            throw new IOException("Connection reset after the write was applied.");
        }

        return new WindowWriteOutcome(written, etag);
    }
}
