using Microsoft.Extensions.Logging;

namespace ModelMonitor.Service.Rollbacks.AutoRollback;

/// <summary>Auto-rollback log messages (event ids 3200–3249).</summary>
internal static partial class AutoRollbackLog
{
    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Auto-rollback for episode {EpisodeId} of {ModelId}: instance {InstanceId}, started {Started}, dry run {DryRun}")]
    public static partial void Started(ILogger logger, string modelId, string episodeId, string instanceId, bool started, bool dryRun);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Debug, Message = "Auto-rollback for episode {EpisodeId} of {ModelId} was already started")]
    public static partial void AlreadyStarted(ILogger logger, string modelId, string episodeId);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Error, Message = "Auto-rollback for episode {EpisodeId} of {ModelId} could not start")]
    public static partial void StartFailed(ILogger logger, string modelId, string episodeId, Exception exception);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Error, Message = "Rollback configuration of {ModelId} is invalid, no auto-rollback: {Errors}")]
    public static partial void InvalidConfig(ILogger logger, string modelId, string errors);
}
