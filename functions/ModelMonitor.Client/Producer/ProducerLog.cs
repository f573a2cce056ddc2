using Microsoft.Extensions.Logging;

namespace ModelMonitor.Client;

/// <summary>The producer's log messages, with stable event ids (2100–2199).</summary>
internal static partial class ProducerLog
{
    [LoggerMessage(EventId = 2101, EventName = "EventsDropped", Level = LogLevel.Warning,
        Message = "Dropped {DroppedCount} monitoring events since the last report, last because of {Reason}; buffer capacity {BufferCapacity}, {TotalDropped} dropped in all")]
    public static partial void EventsDropped(ILogger logger, long droppedCount, DropReason reason, int bufferCapacity, long totalDropped);

    [LoggerMessage(EventId = 2102, EventName = "SendRetrying", Level = LogLevel.Warning,
        Message = "Sending {EventCount} monitoring events with partition key {PartitionKey} failed on attempt {Attempt}; retrying in {RetryDelay}")]
    public static partial void SendRetrying(ILogger logger, Exception exception, int eventCount, string partitionKey, int attempt, TimeSpan retryDelay);

    [LoggerMessage(EventId = 2103, EventName = "SendFailed", Level = LogLevel.Error,
        Message = "Gave up sending {EventCount} monitoring events with partition key {PartitionKey} after {Attempts} attempts")]
    public static partial void SendFailed(ILogger logger, Exception exception, int eventCount, string partitionKey, int attempts);

    [LoggerMessage(EventId = 2104, EventName = "PublishFailed", Level = LogLevel.Error,
        Message = "Event Hubs failed to publish {EventCount} monitoring events to partition {PartitionId} after its own retries")]
    public static partial void PublishFailed(ILogger logger, Exception exception, int eventCount, string partitionId);

    [LoggerMessage(EventId = 2105, EventName = "FlushTimedOut", Level = LogLevel.Warning,
        Message = "Flushing monitoring events did not finish within {FlushTimeout}; {UndeliveredCount} buffered events were not sent")]
    public static partial void FlushTimedOut(ILogger logger, TimeSpan flushTimeout, int undeliveredCount);

    [LoggerMessage(EventId = 2106, EventName = "CloseFailed", Level = LogLevel.Warning,
        Message = "Flushing or closing the monitoring event transport failed")]
    public static partial void CloseFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2107, EventName = "PumpStopped", Level = LogLevel.Critical,
        Message = "The monitoring event pump stopped unexpectedly; further events will be dropped")]
    public static partial void PumpStopped(ILogger logger, Exception exception);
}
