using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// Drift of one feature (or of the prediction or the label): every metric that applies to its kind, plus the
/// decision of <see cref="DriftEvaluator"/>.
/// </summary>
/// <param name="Name">Feature name ("prediction" and "label" for prediction drift and label shift).</param>
/// <param name="Kind">Numeric, categorical or binary; for a type change, the reference's kind.</param>
/// <param name="ReferenceCount">Values compared on the reference side (finite numbers, or non-missing categories).</param>
/// <param name="CurrentCount">Values compared on the current side.</param>
/// <param name="Ks">Numeric: two-sample KS D and unadjusted p-value; null otherwise or when a side is empty.</param>
/// <param name="ChiSquare">Categorical and binary: chi-square test over the union of categories; null otherwise.</param>
/// <param name="ZTest">Binary: pooled two-proportion z-test on the "true" share; null otherwise.</param>
/// <param name="Psi">PSI over reference-quantile bins (numeric) or the union of categories; ε = 1e-4.</param>
/// <param name="JensenShannon">Jensen–Shannon distance (natural log) over the same bins or categories.</param>
/// <param name="Wasserstein">Numeric: W₁ in the feature's units.</param>
/// <param name="WassersteinNormalized">Numeric: W₁ / max(σ_reference, floor), σ with ddof 0.</param>
/// <param name="Method">Deciding method (<see cref="DriftMethod"/>): for insufficient data, the one that would have decided.</param>
/// <param name="Threshold">α for tests (drift when score &lt; α), the distance threshold otherwise.</param>
/// <param name="Score">Multiple-testing-adjusted p-value or distance; null for insufficient data.</param>
/// <param name="Drifted">True only when <paramref name="Status"/> is Drifted.</param>
/// <param name="Status">Drifted, no drift, or insufficient data.</param>
/// <param name="Note">Why a feature could not be compared (present on one side only, type changed); usually null.</param>
public sealed record FeatureDriftReport(
    string Name,
    FeatureKind Kind,
    long ReferenceCount,
    long CurrentCount,
    TestStatistic? Ks,
    ChiSquareStatistic? ChiSquare,
    TestStatistic? ZTest,
    double? Psi,
    double? JensenShannon,
    double? Wasserstein,
    double? WassersteinNormalized,
    string Method,
    double Threshold,
    double? Score,
    bool Drifted,
    DriftStatus Status,
    string? Note);
