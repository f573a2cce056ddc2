namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Per-feature drift thresholds. The defaults are sample-size aware so large windows do not "cry wolf": with a small
/// reference a hypothesis test at level α decides; with a large reference, where any tiny difference becomes
/// statistically significant, an effect-size distance with a fixed threshold decides instead.
/// </summary>
/// <remarks>Immutable; every argument is validated in the constructor (invalid values throw).</remarks>
public sealed record FeatureDriftPolicy
{
    public const long DefaultMinSampleSize = 100;
    public const long DefaultMaxReferenceSizeForTests = 1_000;
    public const double DefaultAlpha = 0.05;
    public const double DefaultNumericDistanceThreshold = 0.1;
    public const double DefaultCategoricalDistanceThreshold = 0.1;

    /// <param name="minSampleSize">Below this many values on either side the status is InsufficientData. ≥ 1.</param>
    /// <param name="maxReferenceSizeForTests">References up to this size use p-value tests, larger ones distances. ≥ 0.</param>
    /// <param name="alpha">Significance level applied to the multiple-testing-adjusted p-value. In (0, 1).</param>
    /// <param name="numericDistanceThreshold">Normalized Wasserstein at or above which a numeric feature drifted. &gt; 0.</param>
    /// <param name="categoricalDistanceThreshold">Jensen–Shannon distance at or above which a categorical or binary feature drifted. In (0, √ln2].</param>
    /// <param name="wassersteinStdFloor">Lower bound on the reference standard deviation when normalizing Wasserstein. &gt; 0.</param>
    /// <param name="requireSignificantDistance">In the distance regime, also require the feature's test (KS, chi-square,
    /// z) to reject at α, uncorrected. Default true: a distance over its threshold that a small current window (or the
    /// sketches' rank error) explains is noise, not drift.</param>
    public FeatureDriftPolicy(
        long minSampleSize = DefaultMinSampleSize,
        long maxReferenceSizeForTests = DefaultMaxReferenceSizeForTests,
        double alpha = DefaultAlpha,
        double numericDistanceThreshold = DefaultNumericDistanceThreshold,
        double categoricalDistanceThreshold = DefaultCategoricalDistanceThreshold,
        double wassersteinStdFloor = WassersteinDistance.DefaultStdFloor,
        bool requireSignificantDistance = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minSampleSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxReferenceSizeForTests);
        if (!(alpha is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be in (0, 1).");
        }

        if (!(numericDistanceThreshold > 0) || !double.IsFinite(numericDistanceThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(numericDistanceThreshold), numericDistanceThreshold, "Must be finite and > 0.");
        }

        // Jensen–Shannon (natural log) never exceeds √ln 2, so a larger threshold could never fire.
        if (!(categoricalDistanceThreshold > 0 && categoricalDistanceThreshold <= Math.Sqrt(Math.Log(2))))
        {
            throw new ArgumentOutOfRangeException(nameof(categoricalDistanceThreshold), categoricalDistanceThreshold, "Must be in (0, √ln 2].");
        }

        if (!(wassersteinStdFloor > 0) || !double.IsFinite(wassersteinStdFloor))
        {
            throw new ArgumentOutOfRangeException(nameof(wassersteinStdFloor), wassersteinStdFloor, "Must be finite and > 0.");
        }

        MinSampleSize = minSampleSize;
        MaxReferenceSizeForTests = maxReferenceSizeForTests;
        Alpha = alpha;
        NumericDistanceThreshold = numericDistanceThreshold;
        CategoricalDistanceThreshold = categoricalDistanceThreshold;
        WassersteinStdFloor = wassersteinStdFloor;
        RequireSignificantDistance = requireSignificantDistance;
    }

    /// <summary>All defaults.</summary>
    public static FeatureDriftPolicy Default { get; } = new();

    /// <value>Default 100 values, on each side.</value>
    public long MinSampleSize { get; }

    /// <value>Default 1,000 reference values.</value>
    public long MaxReferenceSizeForTests { get; }

    /// <value>Default 0.05.</value>
    public double Alpha { get; }

    /// <value>Default 0.1 (reference standard deviations).</value>
    public double NumericDistanceThreshold { get; }

    /// <value>Default 0.1.</value>
    public double CategoricalDistanceThreshold { get; }

    /// <value>Default 0.001, as Evidently.</value>
    public double WassersteinStdFloor { get; }

    /// <summary>Whether a distance over its threshold must also be statistically significant. <value>Default true.</value></summary>
    public bool RequireSignificantDistance { get; }
}
