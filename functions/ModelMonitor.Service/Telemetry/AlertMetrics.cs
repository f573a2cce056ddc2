using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ModelMonitor.Service.Telemetry;

/// <summary>
/// Service-level metrics on the "ModelMonitor" meter (the same meter as the Functions app's MonitorMetrics), exported
/// through OpenTelemetry; the workbook and alert rules query them by these names (docs/metrics.md lists them all).
/// </summary>
public sealed class AlertMetrics : IDisposable
{
    public const string MeterName = "ModelMonitor";

    /// <summary>The ActivitySource of check-run spans.</summary>
    public static ActivitySource ActivitySource { get; } = new(MeterName);

    private readonly Meter _meter;

    public AlertMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        CheckRunDuration = _meter.CreateHistogram<double>("modelmonitor.checks.duration", "s", "Duration of one check run over every model.");
        EpisodesOpened = _meter.CreateCounter<long>("modelmonitor.episodes.opened", "{episode}", "Alert episodes opened, by kind and severity.");
        EpisodesResolved = _meter.CreateCounter<long>("modelmonitor.episodes.resolved", "{episode}", "Alert episodes resolved, by kind and peak severity.");
        NotificationsSent = _meter.CreateCounter<long>("modelmonitor.notifications.sent", "{notification}", "Notifications delivered, by channel type.");
        NotificationsFailed = _meter.CreateCounter<long>("modelmonitor.notifications.failed", "{notification}", "Notifications that failed after retries, by channel type.");
    }

    public Histogram<double> CheckRunDuration { get; }

    public Counter<long> EpisodesOpened { get; }

    public Counter<long> EpisodesResolved { get; }

    public Counter<long> NotificationsSent { get; }

    public Counter<long> NotificationsFailed { get; }

    public void Dispose() => _meter.Dispose();
}
