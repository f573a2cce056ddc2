using System.Diagnostics.Metrics;

namespace ModelMonitor.Service.Telemetry;

/// <summary><c>modelmonitor.rollbacks</c> by <c>outcome</c> (meter "ModelMonitor"), charted by the workbook.</summary>
public sealed class RollbackMetrics : IDisposable
{
    public const string MeterName = "ModelMonitor";
    private readonly Meter _meter;

    public RollbackMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        Rollbacks = _meter.CreateCounter<long>("modelmonitor.rollbacks", "{rollback}", "Rollbacks finished, by outcome (rolled-back, aborted, reverted, failed, dry-run).");
    }

    public Counter<long> Rollbacks { get; }

    public void RecordOutcome(string outcome, string modelId) =>
        Rollbacks.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("model", modelId));

    public void Dispose() => _meter.Dispose();
}
