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

    /// <param name="missingRateIncrease">Absolute rise of the missing rate (current − reference) that is reported. In (0, 1].</param>
    /// <param name="outOfRangeShare">Share of current values outside the reference [min, max] that is reported. In (0, 1].</param>
    /// <param name="unseenCategoryShare">Share of current values in categories absent from the reference that is reported. In (0, 1].</param>
    /// <param name="unseenCategoryMargin">
    /// When the reference counter is approximate, a category it does not track counts as unseen only if its current
    /// share is at least this many times the most the reference could have held (MaxError / reference total). ≥ 1.
    /// </param>
    /// <param name="confidence">Confidence of the Wilson interval that guards the missing-rate check. In (0, 1).</param>
    /// <param name="minSampleSize">Values needed on each side before the out-of-range and unseen-category shares are judged. ≥ 1.</param>
    public DataQualityPolicy(
        double missingRateIncrease = DefaultMissingRateIncrease,
        double outOfRangeShare = DefaultOutOfRangeShare,
        double unseenCategoryShare = DefaultUnseenCategoryShare,
        double unseenCategoryMargin = DefaultUnseenCategoryMargin,
        double confidence = ProportionConfidenceInterval.DefaultConfidence,
        long minSampleSize = DefaultMinSampleSize)
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
}
