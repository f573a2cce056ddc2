using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Ingestion;

/// <summary>Where partition window summaries live. One writer per (window, partition) in steady state.</summary>
public interface IWindowStore
{
    /// <summary>The stored window of this partition, or null when none exists yet.</summary>
    Task<StoredWindow?> ReadAsync(WindowKey key, string partition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes if the stored version still has <paramref name="expectedETag"/> (null: only if absent).
    /// Returns false when another writer got there first; the caller re-reads and re-folds.
    /// </summary>
    Task<bool> TryWriteAsync(WindowKey key, string partition, StoredWindow window, string? expectedETag, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="TryWriteAsync"/> that also returns the new ETag, so the writer can keep what it wrote and
    /// write the next batch with If-Match without reading first. Stores that cannot tell return a null ETag.
    /// </summary>
    async Task<WindowWriteOutcome> WriteAsync(WindowKey key, string partition, StoredWindow window, string? expectedETag, CancellationToken cancellationToken = default) =>
        new(await TryWriteAsync(key, partition, window, expectedETag, cancellationToken), null);
}
