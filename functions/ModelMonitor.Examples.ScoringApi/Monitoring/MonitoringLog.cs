using Microsoft.Extensions.Logging;

namespace ModelMonitor.Examples.ScoringApi.Monitoring;

/// <summary>The example's log messages (event ids 2200–2299).</summary>
internal static partial class MonitoringLog
{
    [LoggerMessage(EventId = 2201, EventName = "MonitoringDestination", Level = LogLevel.Information,
        Message = "Monitoring events go to {Destination}, buffer capacity {BufferCapacity}")]
    public static partial void Destination(ILogger logger, string destination, int bufferCapacity);
}
