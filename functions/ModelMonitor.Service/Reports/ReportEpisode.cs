namespace ModelMonitor.Service.Reports;

/// <summary>One alert episode as the timeline shows it.</summary>
public sealed record ReportEpisode(
    string Id,
    string ModelId,
    string ModelVersion,
    string Kind,
    string? Subkind,
    string? Feature,
    string State,
    string PeakSeverity,
    int Occurrences,
    long FirstSeen,
    long LastSeen,
    string? CauseModelId,
    string? Message);
