using Microsoft.Extensions.Logging;

namespace ModelMonitor.Functions.Telemetry;

/// <summary>Source-generated log messages with stable event ids (1xxx ingest, 2xxx roll-ups, 3xxx checks, 9xxx host).</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Partition {Partition}: received {Received}, folded {Folded}, dead-lettered {DeadLettered}, duplicates {Duplicates}, windows {Windows}")]
    public static partial void BatchIngested(ILogger logger, string partition, int received, int folded, int deadLettered, int duplicates, int windows);

    [LoggerMessage(1001, LogLevel.Warning, "Partition {Partition}: {DeadLettered} invalid events dead-lettered, first reason: {Reason}")]
    public static partial void EventsDeadLettered(ILogger logger, string partition, int deadLettered, string reason);

    [LoggerMessage(1002, LogLevel.Error, "Partition {Partition}: batch of {Messages} messages (sequence {FirstSequence}..{LastSequence}) failed permanently and was quarantined to the dead letters; the partition moves on")]
    public static partial void BatchQuarantined(ILogger logger, Exception exception, string partition, int messages, long firstSequence, long lastSequence);

    [LoggerMessage(1003, LogLevel.Error, "Partition {Partition}: batch of {Messages} messages failed permanently and could not be quarantined; it will be retried")]
    public static partial void QuarantineFailed(ILogger logger, Exception exception, string partition, int messages);

    [LoggerMessage(2000, LogLevel.Information, "Roll-up {Granularity}: written {Written}, unchanged {Unchanged}")]
    public static partial void RollupCompleted(ILogger logger, string granularity, int written, int unchanged);

    [LoggerMessage(3000, LogLevel.Information, "Checks: evaluated {Evaluated}, unchanged {Unchanged}, without reference {WithoutReference}, alerts raised {AlertsRaised}, failed {Failed}")]
    public static partial void ChecksCompleted(ILogger logger, int evaluated, int unchanged, int withoutReference, int alertsRaised, int failed);

    [LoggerMessage(9000, LogLevel.Error, "Function {FunctionName} failed (transient: {Transient}); the runtime retry policy decides what happens next")]
    public static partial void FunctionFailed(ILogger logger, Exception exception, string functionName, bool transient);
}
