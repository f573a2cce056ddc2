namespace ModelMonitor.Core.Checks;

/// <summary>Model quality from late labels: both windows' measures and the findings of the comparison.</summary>
/// <remarks>
/// Per-slice quality is out of scope: outcome events carry no features, so quality cannot be broken down by feature
/// values without a join the service does not do.
/// </remarks>
public sealed record ModelQualityReport(ModelQualityMetrics Reference, ModelQualityMetrics Current, IReadOnlyList<ModelQualityFinding> Findings);
