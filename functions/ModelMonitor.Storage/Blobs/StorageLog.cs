using Microsoft.Extensions.Logging;

namespace ModelMonitor.Storage.Blobs;

/// <summary>Log messages of the blob adapters (event ids 4100-4199).</summary>
internal static partial class StorageLog
{
    [LoggerMessage(4100, LogLevel.Error, "Window blob {BlobName} could not be read and was moved to {QuarantineName}; the window starts again from an empty summary. Reason: {Reason}")]
    public static partial void WindowQuarantined(ILogger logger, string blobName, string quarantineName, string reason);
}
