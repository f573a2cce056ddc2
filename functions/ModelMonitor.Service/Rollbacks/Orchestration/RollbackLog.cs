using Microsoft.Extensions.Logging;

namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>Rollback log messages (event ids 3100–3199).</summary>
internal static partial class RollbackLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Rollback notification for {ModelId} not delivered on {Channel}: {Error}")]
    public static partial void NotificationFailed(ILogger logger, string modelId, string channel, string error);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Rollback {InstanceId} of {ModelId} finished: {Outcome} (from {FromVersion} to {ToVersion})")]
    public static partial void Finished(ILogger logger, string modelId, string instanceId, string outcome, string fromVersion, string toVersion);
}
