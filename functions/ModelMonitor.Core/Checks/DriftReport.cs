namespace ModelMonitor.Core.Checks;

/// <summary>
/// Drift of a model's features between a reference and a current window, the same shape whether it was computed from
/// raw columns (<see cref="DriftReports.FromColumns"/>) or from window summaries (<see cref="DriftReports.FromSummaries"/>).
/// Serialize with <see cref="DriftReportJson.Serialize"/>.
/// </summary>
/// <param name="Features">One entry per feature seen on either side.</param>
/// <param name="DriftedShare">Drifted / decided features (insufficient data excluded); 0 when nothing was decided.</param>
/// <param name="DatasetDrifted">At least one feature decided and the share reached the policy's dataset share.</param>
public sealed record DriftReport(IReadOnlyList<FeatureDriftReport> Features, double DriftedShare, bool DatasetDrifted);
