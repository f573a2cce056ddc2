using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Functions.Tests.TestDoubles;

/// <summary>A window store whose every read throws the given exception (a corrupt blob, a bug, storage down).</summary>
internal sealed class FailingWindowStore(Func<Exception> failure) : IWindowStore
{
    public int Reads;

    public Task<StoredWindow?> ReadAsync(WindowKey key, string partition, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Reads);
        throw failure();
    }

    public Task<bool> TryWriteAsync(WindowKey key, string partition, StoredWindow window, string? expectedETag, CancellationToken cancellationToken = default) =>
        throw failure();
}
