namespace ModelMonitor.Core.Statistics;

/// <summary>Drift decision for a model's whole feature set.</summary>
/// <param name="Features">Per-feature results, in input order.</param>
/// <param name="DecidedFeatureCount">Features with a decision (not InsufficientData).</param>
/// <param name="DriftedFeatureCount">Features with status Drifted.</param>
/// <param name="DriftedShare">Drifted / decided; 0 when nothing was decided.</param>
/// <param name="DatasetDrifted">True when at least one feature was decided and the share reached the policy's threshold.</param>
/// <param name="Correction">Multiple-testing correction applied to the p-value methods.</param>
public sealed record DatasetDriftResult(
    IReadOnlyList<FeatureDriftResult> Features,
    int DecidedFeatureCount,
    int DriftedFeatureCount,
    double DriftedShare,
    bool DatasetDrifted,
    MultipleTestingCorrection Correction);
