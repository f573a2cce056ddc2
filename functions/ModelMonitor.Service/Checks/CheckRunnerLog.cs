using Microsoft.Extensions.Logging;

namespace ModelMonitor.Service.Checks;

/// <summary>Log messages of <see cref="CheckRunner"/>.</summary>
internal static partial class CheckRunnerLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Checks of model {ModelId} version {ModelVersion} skipped: blob {BlobName} is corrupt")]
    public static partial void CorruptBlob(ILogger logger, string modelId, string modelVersion, string blobName, Exception exception);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Checks of model {ModelId} version {ModelVersion} failed; the other models carry on")]
    public static partial void ModelFailed(ILogger logger, string modelId, string modelVersion, Exception exception);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Window {Tier} {WindowStart} of model {ModelId} version {ModelVersion} skipped: blob {BlobName} is corrupt")]
    public static partial void CorruptWindowBlob(ILogger logger, string tier, DateTimeOffset windowStart, string modelId, string modelVersion, string blobName, Exception exception);
}
