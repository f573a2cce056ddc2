using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// Thresholds of the data-quality checks (<see cref="DataQualityChecker"/>). Immutable; validated in the constructor.
/// </summary>
public sealed record DataQualityPolicy
{
    public const double DefaultMissingRateIncrease = 0.1;
    public const double DefaultOutOfRangeShare = 0.05;
    public const double DefaultUnseenCategoryShare = 0.05;
    public const double DefaultUnseenCategoryMargin = 10;
    public const long DefaultMinSampleSize = 100;
    public const double DefaultSignificance = 0.001;
    public const double DefaultMinNonFiniteIncrease = 0.001;
    public const double DefaultMinRateRatio = 2;
    public const double DefaultCriticalRateIncrease = 0.1;

    /// <param name="missingRateIncrease">Absolute rise of the missing rate (current − reference) that is reported. In (0, 1].</param>
    /// <param name="outOfRangeShare">Share of current values outside the reference [min, max] that is reported. In (0, 1].</param>
    /// <param name="unseenCategoryShare">Share of current values in categories absent from the reference that is reported. In (0, 1].</param>
    /// <param name="unseenCategoryMargin">
    /// When the reference counter is approximate, a category it does not track counts as unseen only if its current
    /// share is at least this many times the most the reference could have held (MaxError / reference total). ≥ 1.
    /// </param>
    /// <param name="confidence">Confidence of the Wilson interval that guards the missing-rate check. In (0, 1).</param>
    /// <param name="minSampleSize">Values needed on each side before the out-of-range and unseen-category shares are judged. ≥ 1.</param>
    /// <param name="significance">
    /// α of the one-sided exact tests that a rate (NaN, ±∞, missing, out-of-range) rose over the reference's. In (0, 1).
    /// Small because every feature is tested every window; persistence (<see cref="PersistencePolicy"/>) does the rest.
    /// </param>
    /// <param name="minNonFiniteIncrease">Smallest absolute rise of the NaN or ±∞ share that is reported. In (0, 1].</param>
    /// <param name="minRateRatio">The NaN or ±∞ share must be at least this many times the reference share. ≥ 1.</param>
    /// <param name="criticalRateIncrease">A NaN or ±∞ share this much above the reference's is Critical. In (0, 1].</param>
    public DataQualityPolicy(
        double missingRateIncrease = DefaultMissingRateIncrease,
        double outOfRangeShare = DefaultOutOfRangeShare,
        double unseenCategoryShare = DefaultUnseenCategoryShare,
        double unseenCategoryMargin = DefaultUnseenCategoryMargin,
        double confidence = ProportionConfidenceInterval.DefaultConfidence,
        long minSampleSize = DefaultMinSampleSize,
        double significance = DefaultSignificance,
        double minNonFiniteIncrease = DefaultMinNonFiniteIncrease,
        double minRateRatio = DefaultMinRateRatio,
        double criticalRateIncrease = DefaultCriticalRateIncrease)
    {
        MissingRateIncrease = PolicyArguments.RequireShare(missingRateIncrease, nameof(missingRateIncrease));
        OutOfRangeShare = PolicyArguments.RequireShare(outOfRangeShare, nameof(outOfRangeShare));
        UnseenCategoryShare = PolicyArguments.RequireShare(unseenCategoryShare, nameof(unseenCategoryShare));
        if (!(unseenCategoryMargin >= 1) || !double.IsFinite(unseenCategoryMargin))
        {
            throw new ArgumentOutOfRangeException(nameof(unseenCategoryMargin), unseenCategoryMargin, "Must be finite and ≥ 1.");
        }

        PolicyArguments.RequireConfidence(confidence, nameof(confidence));
        ArgumentOutOfRangeException.ThrowIfLessThan(minSampleSize, 1);
        UnseenCategoryMargin = unseenCategoryMargin;
        Confidence = confidence;
        MinSampleSize = minSampleSize;
        Significance = PolicyArguments.RequireConfidence(significance, nameof(significance));
        MinNonFiniteIncrease = PolicyArguments.RequireShare(minNonFiniteIncrease, nameof(minNonFiniteIncrease));
        if (!(minRateRatio >= 1) || !double.IsFinite(minRateRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(minRateRatio), minRateRatio, "Must be finite and ≥ 1.");
        }

        MinRateRatio = minRateRatio;
        CriticalRateIncrease = PolicyArguments.RequireShare(criticalRateIncrease, nameof(criticalRateIncrease));
    }

    /// <summary>All defaults.</summary>
    public static DataQualityPolicy Default { get; } = new();

    /// <value>Default 0.1 (ten percentage points).</value>
    public double MissingRateIncrease { get; }

    /// <value>Default 0.05.</value>
    public double OutOfRangeShare { get; }

    /// <value>Default 0.05.</value>
    public double UnseenCategoryShare { get; }

    /// <value>Default 10.</value>
    public double UnseenCategoryMargin { get; }

    /// <value>Default 0.95.</value>
    public double Confidence { get; }

    /// <value>Default 100 values.</value>
    public long MinSampleSize { get; }

    /// <value>Default 0.001.</value>
    public double Significance { get; }

    /// <value>Default 0.001 (a tenth of a percentage point).</value>
    public double MinNonFiniteIncrease { get; }

    /// <value>Default 2.</value>
    public double MinRateRatio { get; }

    /// <value>Default 0.1 (ten percentage points).</value>
    public double CriticalRateIncrease { get; }
}
