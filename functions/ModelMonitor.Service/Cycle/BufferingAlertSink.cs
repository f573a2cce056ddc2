using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;

namespace ModelMonitor.Service.Cycle;

/// <summary>
/// Holds a run's evaluations until every stage has run, so the run's alerts can be grouped into incidents before
/// any episode opens or anyone is notified. Reports every alert as new: a runner's own count is then "alerts found",
/// and the cycle reports the episodes opened.
/// </summary>
internal sealed class BufferingAlertSink : IAlertSink
{
    private readonly Lock _gate = new();
    private readonly List<AlertEvaluation> _evaluations = [];

    public IReadOnlyList<AlertEvaluation> Evaluations
    {
        get
        {
            lock (_gate)
            {
                return [.. _evaluations];
            }
        }
    }

    public IEnumerable<MonitorAlert> Alerts => Evaluations.SelectMany(e => e.Alerts);

    public Task<IReadOnlyList<MonitorAlert>> RaiseAsync(IReadOnlyList<MonitorAlert> alerts, CancellationToken cancellationToken = default) =>
        RecordAsync(AlertEvaluation.AlertsOnly(alerts), cancellationToken);

    public Task<IReadOnlyList<MonitorAlert>> RecordAsync(AlertEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        lock (_gate)
        {
            _evaluations.Add(evaluation);
        }

        return Task.FromResult(evaluation.Alerts);
    }
}
