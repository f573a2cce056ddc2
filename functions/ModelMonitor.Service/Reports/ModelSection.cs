namespace ModelMonitor.Service.Reports;

/// <summary>One model's part of the report.</summary>
/// <param name="ModelId">The model.</param>
/// <param name="Versions">Versions in the order they first served.</param>
/// <param name="Drift">Drift score per feature (and the prediction) over the checked windows, with the threshold.</param>
/// <param name="Serving">Hourly serving numbers by version, with the hourly band of the usage-swing rule.</param>
/// <param name="Callers">Hourly requests of the busiest callers and of every flagged one.</param>
/// <param name="Quality">Label-based metrics of the checked windows, filling in as labels arrive.</param>
/// <param name="Rollbacks">Audited rollbacks with their steps, newest first.</param>
public sealed record ModelSection(
    string ModelId,
    IReadOnlyList<string> Versions,
    IReadOnlyList<DriftSeries> Drift,
    ServingSection Serving,
    CallerSection Callers,
    QualitySection Quality,
    IReadOnlyList<ReportRollback> Rollbacks);
