namespace ModelMonitor.Service.Reports;

/// <summary>Alert episodes that belong together: those of one incident id, or of one model when episodes carry none.</summary>
/// <param name="Id">The incident id, or <c>model:{modelId}</c> when grouped by model.</param>
/// <param name="GroupedBy">"incident" or "model".</param>
/// <param name="FirstSeen">Earliest episode opening.</param>
/// <param name="LastSeen">Latest sighting.</param>
/// <param name="PeakSeverity">Highest severity of its episodes.</param>
/// <param name="Episodes">Its episodes, earliest first.</param>
public sealed record ReportIncident(string Id, string GroupedBy, long FirstSeen, long LastSeen, string PeakSeverity, IReadOnlyList<ReportEpisode> Episodes);
