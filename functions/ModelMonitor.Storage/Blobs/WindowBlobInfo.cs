namespace ModelMonitor.Storage.Blobs;

/// <summary>
/// A listed window blob: its full name, parsed parts, ETag and last-modified time (for roll-up and check-result
/// currency: see <see cref="RollupCurrency"/>).
/// </summary>
public sealed record WindowBlobInfo(string Name, WindowBlobName Parts, string ETag, DateTimeOffset? LastModified = null);
