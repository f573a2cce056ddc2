using System.Collections.Frozen;

namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Drift policy of one model: per-feature thresholds (defaults plus optional overrides by feature name), the
/// multiple-testing correction across the model's p-value tests, and the share of drifted features that makes the
/// whole dataset drifted.
/// </summary>
/// <remarks>
/// Immutable; validated in the constructor. Feature names are matched ordinally (case-sensitive). The override map is
/// snapshotted at construction, so record equality compares it by reference.
/// </remarks>
public sealed record DriftPolicy
{
    public const double DefaultDatasetDriftShare = 0.5;

    /// <param name="defaults">Thresholds for features without an override; default <see cref="FeatureDriftPolicy.Default"/>.</param>
    /// <param name="correction">Correction applied to the p-values of the features decided by a test. Default Benjamini–Hochberg.</param>
    /// <param name="datasetDriftShare">Dataset drift when drifted / decided features ≥ this. In (0, 1]; default 0.5.</param>
    /// <param name="featureOverrides">Thresholds for specific features, by name.</param>
    public DriftPolicy(
        FeatureDriftPolicy? defaults = null,
        MultipleTestingCorrection correction = MultipleTestingCorrection.BenjaminiHochberg,
        double datasetDriftShare = DefaultDatasetDriftShare,
        IReadOnlyDictionary<string, FeatureDriftPolicy>? featureOverrides = null)
    {
        if (!Enum.IsDefined(correction))
        {
            throw new ArgumentOutOfRangeException(nameof(correction), correction, "Unknown correction.");
        }

        if (!(datasetDriftShare is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(datasetDriftShare), datasetDriftShare, "Must be in (0, 1].");
        }

        if (featureOverrides is not null && featureOverrides.Values.Any(v => v is null))
        {
            throw new ArgumentException("Feature overrides must not be null.", nameof(featureOverrides));
        }

        Defaults = defaults ?? FeatureDriftPolicy.Default;
        Correction = correction;
        DatasetDriftShare = datasetDriftShare;
        FeatureOverrides = (featureOverrides ?? new Dictionary<string, FeatureDriftPolicy>()).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>All defaults.</summary>
    public static DriftPolicy Default { get; } = new();

    public FeatureDriftPolicy Defaults { get; }

    /// <value>Default <see cref="MultipleTestingCorrection.BenjaminiHochberg"/>.</value>
    public MultipleTestingCorrection Correction { get; }

    /// <value>Default 0.5.</value>
    public double DatasetDriftShare { get; }

    public IReadOnlyDictionary<string, FeatureDriftPolicy> FeatureOverrides { get; }

    /// <summary>The override for <paramref name="featureName"/>, or <see cref="Defaults"/>.</summary>
    public FeatureDriftPolicy ForFeature(string featureName) =>
        FeatureOverrides.TryGetValue(featureName, out FeatureDriftPolicy? policy) ? policy : Defaults;
}
