using System.Diagnostics.Metrics;

namespace ModelMonitor.Functions.Telemetry;

/// <summary>
/// The service's own metrics (meter "ModelMonitor"), exported through OpenTelemetry to Azure Monitor
/// where the workbook and alert rules query them by these names.
/// </summary>
public sealed class MonitorMetrics : IDisposable
{
    public const string MeterName = "ModelMonitor";
    private readonly Meter _meter;

    public MonitorMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        EventsReceived = _meter.CreateCounter<long>("modelmonitor.ingest.events", "{event}", "Events received by ingest.");
        EventsFolded = _meter.CreateCounter<long>("modelmonitor.ingest.folded", "{event}", "Events folded into window summaries.");
        DeadLettered = _meter.CreateCounter<long>("modelmonitor.ingest.deadlettered", "{event}", "Events dead-lettered as permanently invalid.");
        Duplicates = _meter.CreateCounter<long>("modelmonitor.ingest.duplicates", "{event}", "Redelivered events skipped.");
        Quarantined = _meter.CreateCounter<long>("modelmonitor.ingest.quarantined", "{message}", "Messages set aside in the dead letters because their batch failed permanently.");
        WriteConflicts = _meter.CreateCounter<long>("modelmonitor.ingest.conflicts", "{write}", "Window writes that lost an ETag race and were retried.");
        RollupsWritten = _meter.CreateCounter<long>("modelmonitor.rollups.written", "{blob}", "Roll-up summaries rewritten.");
        AlertsRaised = _meter.CreateCounter<long>("modelmonitor.alerts.raised", "{alert}", "Alerts of the checks that opened an episode.");
        DriftScore = _meter.CreateHistogram<double>("modelmonitor.drift.score", null, "Per-feature drift score of each evaluated window (p-value or distance, by method).");
        ChecksFailed = _meter.CreateCounter<long>("modelmonitor.checks.failed", "{run}", "Check runs or windows that failed.");
    }

    public Counter<long> EventsReceived { get; }

    public Counter<long> EventsFolded { get; }

    public Counter<long> DeadLettered { get; }

    public Counter<long> Duplicates { get; }

    public Counter<long> WriteConflicts { get; }

    public Counter<long> Quarantined { get; }

    public Counter<long> RollupsWritten { get; }

    public Counter<long> AlertsRaised { get; }

    public Counter<long> ChecksFailed { get; }

    public Histogram<double> DriftScore { get; }

    /// <summary>Records one evaluated window's drift scores, per feature.</summary>
    public void RecordDrift(ModelMonitor.Core.Checks.CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var feature in result.Drift.Features)
        {
            if (feature.Score is { } score)
            {
                DriftScore.Record(score, new("modelId", result.ModelId), new("feature", feature.Name), new("method", feature.Method));
            }
        }
    }

    /// <summary>
    /// Counts the alerts that opened an episode, by severity, kind and model: after the monitoring cycle grouped and
    /// recorded them, since before that an alert may be one of an episode already open.
    /// </summary>
    public void RecordOpened(IEnumerable<ModelMonitor.Core.Checks.MonitorAlert> opened)
    {
        ArgumentNullException.ThrowIfNull(opened);
        foreach (var alert in opened)
        {
            AlertsRaised.Add(1, new("severity", alert.Severity.ToString().ToLowerInvariant()), new("kind", alert.Kind), new("modelId", alert.ModelId));
        }
    }

    public void Dispose() => _meter.Dispose();
}
