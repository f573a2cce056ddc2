namespace ModelMonitor.Core.Statistics;

/// <summary>
/// One feature's reference and current data, in the form the drift evaluator needs. Create with the factory methods:
/// <see cref="Numeric"/> (raw samples), <see cref="NumericWeighted"/> (sorted weighted CDFs, e.g. quantile sketches),
/// <see cref="Categorical"/> (aligned category counts) or <see cref="Binary"/> (positives out of totals).
/// </summary>
/// <remarks>
/// Inputs are validated (and raw samples copied and sorted) at construction, so evaluation cannot fail on them.
/// Sizes (<see cref="ReferenceSize"/>, <see cref="CurrentSize"/>) are what the minimum-sample and test-vs-distance
/// rules look at: the number of values, the (rounded) total weight or total count.
/// </remarks>
public sealed record FeatureDriftInput
{
    private FeatureDriftInput(string name, FeatureKind kind, long referenceSize, long currentSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Kind = kind;
        ReferenceSize = referenceSize;
        CurrentSize = currentSize;
    }

    public string Name { get; }

    public FeatureKind Kind { get; }

    public long ReferenceSize { get; }

    public long CurrentSize { get; }

    /// <summary>Numeric: reference values sorted ascending.</summary>
    public ReadOnlyMemory<double> ReferenceValues { get; private init; }

    /// <summary>Numeric: weights aligned with <see cref="ReferenceValues"/>; empty means unit weights.</summary>
    public ReadOnlyMemory<double> ReferenceWeights { get; private init; }

    /// <summary>Numeric: current values sorted ascending.</summary>
    public ReadOnlyMemory<double> CurrentValues { get; private init; }

    /// <summary>Numeric: weights aligned with <see cref="CurrentValues"/>; empty means unit weights.</summary>
    public ReadOnlyMemory<double> CurrentWeights { get; private init; }

    /// <summary>
    /// Numeric (weighted): the reference's standard deviation (ddof 0) to normalize Wasserstein with, when known more
    /// accurately than the weighted values give it (e.g. a summary's exact moments next to its sketch); null means
    /// compute it from <see cref="ReferenceValues"/> and <see cref="ReferenceWeights"/>.
    /// </summary>
    public double? ReferenceStandardDeviation { get; private init; }

    /// <summary>
    /// Numeric (weighted): W₁ between the two sides when the caller estimated it better than the weighted step CDFs
    /// give it (sketches: <see cref="SketchWasserstein"/>); null means compute it from the weighted values.
    /// </summary>
    public double? Wasserstein { get; private init; }

    /// <summary>Categorical: reference count per category; Binary: [negatives, positives].</summary>
    public ReadOnlyMemory<double> ReferenceCounts { get; private init; }

    /// <summary>Categorical: current count per category, aligned with <see cref="ReferenceCounts"/>; Binary: [negatives, positives].</summary>
    public ReadOnlyMemory<double> CurrentCounts { get; private init; }

    /// <summary>Raw numeric samples in any order (copied and sorted here). NaN and ±∞ are rejected: count them separately.</summary>
    public static FeatureDriftInput Numeric(string name, ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        SampleValidation.RequireFinite(reference, nameof(reference));
        SampleValidation.RequireFinite(current, nameof(current));
        double[] sortedReference = reference.ToArray();
        double[] sortedCurrent = current.ToArray();
        Array.Sort(sortedReference);
        Array.Sort(sortedCurrent);
        return new FeatureDriftInput(name, FeatureKind.Numeric, sortedReference.Length, sortedCurrent.Length)
        {
            ReferenceValues = sortedReference,
            CurrentValues = sortedCurrent,
        };
    }

    /// <summary>
    /// Weighted numeric distributions: finite values sorted ascending (repeats allowed) with non-negative weights,
    /// e.g. a KLL sketch's sorted view. The sizes default to the rounded total weights (the number of values
    /// summarized); pass them explicitly when the weights are not counts. The arrays are referenced, not copied.
    /// <paramref name="referenceStandardDeviation"/> (finite, ≥ 0) replaces the weighted standard deviation of the
    /// reference when normalizing Wasserstein, e.g. a summary's exact σ next to its sketch; <paramref name="wasserstein"/>
    /// (finite, ≥ 0) replaces the W₁ of the weighted values, e.g. <see cref="SketchWasserstein.Estimate"/>.
    /// </summary>
    public static FeatureDriftInput NumericWeighted(
        string name,
        ReadOnlyMemory<double> sortedReference,
        ReadOnlyMemory<double> referenceWeights,
        ReadOnlyMemory<double> sortedCurrent,
        ReadOnlyMemory<double> currentWeights,
        long? referenceSize = null,
        long? currentSize = null,
        double? referenceStandardDeviation = null,
        double? wasserstein = null)
    {
        if (wasserstein is { } w && !(w >= 0 && double.IsFinite(w)))
        {
            throw new ArgumentOutOfRangeException(nameof(wasserstein), w, "Must be finite and ≥ 0.");
        }

        if (referenceStandardDeviation is { } sigma && !(sigma >= 0 && double.IsFinite(sigma)))
        {
            throw new ArgumentOutOfRangeException(nameof(referenceStandardDeviation), sigma, "Must be finite and ≥ 0.");
        }

        SampleValidation.RequireSorted(sortedReference.Span, nameof(sortedReference));
        SampleValidation.RequireSorted(sortedCurrent.Span, nameof(sortedCurrent));
        SampleValidation.RequireFinite(sortedReference.Span, nameof(sortedReference));
        SampleValidation.RequireFinite(sortedCurrent.Span, nameof(sortedCurrent));
        double referenceTotal = SampleValidation.RequireMasses(referenceWeights.Span, sortedReference.Length, nameof(referenceWeights));
        double currentTotal = SampleValidation.RequireMasses(currentWeights.Span, sortedCurrent.Length, nameof(currentWeights));
        return new FeatureDriftInput(
            name,
            FeatureKind.Numeric,
            RequireSize(referenceSize, referenceTotal, nameof(referenceSize)),
            RequireSize(currentSize, currentTotal, nameof(currentSize)))
        {
            ReferenceValues = sortedReference,
            ReferenceWeights = referenceWeights,
            CurrentValues = sortedCurrent,
            CurrentWeights = currentWeights,
            ReferenceStandardDeviation = referenceStandardDeviation,
            Wasserstein = wasserstein,
        };
    }

    /// <summary>Counts per category, aligned by index between reference and current (non-negative, finite).</summary>
    public static FeatureDriftInput Categorical(string name, ReadOnlyMemory<double> referenceCounts, ReadOnlyMemory<double> currentCounts)
    {
        double referenceTotal = SampleValidation.RequireMasses(referenceCounts.Span, referenceCounts.Length, nameof(referenceCounts));
        double currentTotal = SampleValidation.RequireMasses(currentCounts.Span, referenceCounts.Length, nameof(currentCounts));
        return new FeatureDriftInput(
            name, FeatureKind.Categorical, (long)Math.Round(referenceTotal), (long)Math.Round(currentTotal))
        {
            ReferenceCounts = referenceCounts,
            CurrentCounts = currentCounts,
        };
    }

    /// <summary>Binary feature (or label) as positives out of totals in each window.</summary>
    public static FeatureDriftInput Binary(string name, long referencePositives, long referenceTotal, long currentPositives, long currentTotal)
    {
        RequireBinary(referencePositives, referenceTotal, nameof(referencePositives));
        RequireBinary(currentPositives, currentTotal, nameof(currentPositives));
        return new FeatureDriftInput(name, FeatureKind.Binary, referenceTotal, currentTotal)
        {
            ReferenceCounts = new double[] { referenceTotal - referencePositives, referencePositives },
            CurrentCounts = new double[] { currentTotal - currentPositives, currentPositives },
        };
    }

    private static long RequireSize(long? size, double totalWeight, string paramName)
    {
        if (size is < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, size, "Sizes must be non-negative.");
        }

        return size ?? (long)Math.Round(totalWeight);
    }

    private static void RequireBinary(long positives, long total, string paramName)
    {
        if (total < 0 || positives < 0 || positives > total)
        {
            throw new ArgumentOutOfRangeException(paramName, positives, $"Need 0 ≤ positives ≤ total (total = {total}).");
        }
    }
}
