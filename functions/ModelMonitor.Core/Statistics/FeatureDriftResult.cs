namespace ModelMonitor.Core.Statistics;

/// <summary>Drift decision for one feature.</summary>
/// <param name="FeatureName">Feature name, as in the input.</param>
/// <param name="Kind">Feature kind.</param>
/// <param name="Method">One of the <see cref="DriftMethod"/> names; for InsufficientData, the method that would have been used.</param>
/// <param name="Threshold">α for p-value methods (drift when Score &lt; α), the distance threshold otherwise (drift when Score ≥ threshold).</param>
/// <param name="Score">Adjusted p-value or distance; null when <see cref="DriftStatus.InsufficientData"/>. Never NaN.</param>
/// <param name="Statistic">Test statistic (KS D, χ², z) or the distance itself; null when InsufficientData.</param>
/// <param name="PValue">Unadjusted p-value for p-value methods; null for distances and InsufficientData.</param>
/// <param name="Drifted">True only when <paramref name="Status"/> is Drifted.</param>
/// <param name="Status">Drifted, NoDrift or InsufficientData.</param>
/// <param name="ReferenceSize">Reference sample size used by the rules.</param>
/// <param name="CurrentSize">Current sample size used by the rules.</param>
public sealed record FeatureDriftResult(
    string FeatureName,
    FeatureKind Kind,
    string Method,
    double Threshold,
    double? Score,
    double? Statistic,
    double? PValue,
    bool Drifted,
    DriftStatus Status,
    long ReferenceSize,
    long CurrentSize);
