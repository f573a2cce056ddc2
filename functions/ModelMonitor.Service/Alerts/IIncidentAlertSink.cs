using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Lineage;

namespace ModelMonitor.Service.Alerts;

/// <summary>An alert sink that can record a whole run at once, with the run's alerts grouped into incidents.</summary>
public interface IIncidentAlertSink : IAlertSink
{
    /// <summary>Records <paramref name="evaluations"/> in order, annotating their episodes from <paramref name="incidents"/>.</summary>
    /// <returns>The alerts that opened an episode, with the episodes.</returns>
    Task<IReadOnlyList<OpenedEpisode>> RecordRunAsync(IReadOnlyList<AlertEvaluation> evaluations, IncidentGrouping incidents, CancellationToken cancellationToken = default);
}
