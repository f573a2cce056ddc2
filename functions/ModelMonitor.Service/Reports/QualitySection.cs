namespace ModelMonitor.Service.Reports;

/// <summary>
/// Label-based metrics of each checked window (the check result's current window), in window order; null where the
/// window had no labels (yet) for that metric.
/// </summary>
public sealed record QualitySection(
    IReadOnlyList<long> Times,
    IReadOnlyList<long> Labelled,
    IReadOnlyList<double?> Accuracy,
    IReadOnlyList<double?> MacroF1,
    IReadOnlyList<double?> Mae,
    IReadOnlyList<double?> Ece,
    IReadOnlyList<double?> Ctr);
