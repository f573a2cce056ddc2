namespace ModelMonitor.Storage.Blobs;

/// <summary>
/// A stored blob that cannot be read back (truncated gzip, bad JSON, a summary that fails validation). Not transient:
/// retrying reads the same bytes. Names the blob so an operator can find and replace it. A <see cref="FormatException"/>,
/// so code that handles unreadable summaries handles it too.
/// </summary>
public sealed class CorruptBlobException : FormatException
{
    public CorruptBlobException()
        : this("(unknown)", null)
    {
    }

    public CorruptBlobException(string blobName)
        : this(blobName, null)
    {
    }

    /// <param name="blobName">Container-qualified name of the unreadable blob.</param>
    /// <param name="innerException">Why it could not be read.</param>
    public CorruptBlobException(string blobName, Exception? innerException)
        : base($"Blob '{blobName}' is corrupt: {innerException?.Message ?? "unreadable"}", innerException)
    {
        BlobName = blobName;
    }

    /// <summary>Container-qualified name of the blob.</summary>
    public string BlobName { get; }
}
