using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Lineage;
using ModelMonitor.Service.Alerts;

namespace ModelMonitor.Cli.Hosting;

/// <summary>Passes alerts on and remembers the ones the inner sink reported as new (episodes opened), for the CLI to print.</summary>
internal sealed class RecordingAlertSink(AlertLifecycle inner) : IIncidentAlertSink
{
    private readonly List<MonitorAlert> _raised = [];

    public IReadOnlyList<MonitorAlert> Raised => _raised;

    public async Task<IReadOnlyList<MonitorAlert>> RaiseAsync(IReadOnlyList<MonitorAlert> alerts, CancellationToken cancellationToken = default)
    {
        var created = await inner.RaiseAsync(alerts, cancellationToken);
        _raised.AddRange(created);
        return created;
    }

    public async Task<IReadOnlyList<MonitorAlert>> RecordAsync(AlertEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        var created = await inner.RecordAsync(evaluation, cancellationToken);
        _raised.AddRange(created);
        return created;
    }

    public async Task<IReadOnlyList<OpenedEpisode>> RecordRunAsync(IReadOnlyList<AlertEvaluation> evaluations, IncidentGrouping incidents, CancellationToken cancellationToken = default)
    {
        var created = await inner.RecordRunAsync(evaluations, incidents, cancellationToken);
        _raised.AddRange(created.Select(o => o.Alert));
        return created;
    }
}
