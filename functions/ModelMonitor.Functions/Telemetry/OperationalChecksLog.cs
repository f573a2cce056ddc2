using Microsoft.Extensions.Logging;

namespace ModelMonitor.Functions.Telemetry;

/// <summary>Log messages of the operational, abuse and feedback-loop timers (3xxx: checks).</summary>
internal static partial class OperationalChecksLog
{
    [LoggerMessage(3010, LogLevel.Information, "Checks {Check}: models evaluated {Evaluated}, alerts raised {AlertsRaised}, models failed {Failed}")]
    public static partial void Completed(ILogger logger, string check, int evaluated, int alertsRaised, int failed);
}
