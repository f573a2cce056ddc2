using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// Computes every drift metric that applies to a kind by composing the golden-tested statistics; never NaN.
/// Both sides must be non-empty, otherwise every metric is null (an empty side is no evidence either way).
/// </summary>
internal static class DriftMetricsCalculator
{
    /// <summary>Reference-quantile bins for numeric PSI and Jensen–Shannon.</summary>
    public const int NumericBinCount = QuantileBinning.DefaultBinCount;

    /// <summary>
    /// Numeric metrics. Unit weights (both weight spans empty): raw sorted samples, KS with exact integer D. Weighted
    /// (both given, e.g. sketch sorted views): KS D between the weighted CDFs with p-value at the given sizes.
    /// <paramref name="wasserstein"/> replaces the step-CDF W₁ when the caller has a better estimate (sketches: <see cref="SketchWasserstein"/>).
    /// </summary>
    public static DriftMetrics Numeric(
        ReadOnlySpan<double> sortedReference,
        ReadOnlySpan<double> referenceWeights,
        ReadOnlySpan<double> sortedCurrent,
        ReadOnlySpan<double> currentWeights,
        long referenceSize,
        long currentSize,
        double referenceStandardDeviation,
        double stdFloor,
        bool includePValue = true,
        double? wasserstein = null)
    {
        if (sortedReference.IsEmpty || sortedCurrent.IsEmpty)
        {
            return DriftMetrics.None;
        }

        bool weighted = !referenceWeights.IsEmpty;
        if (weighted == currentWeights.IsEmpty)
        {
            throw new ArgumentException("Give weights for both sides or for neither.", nameof(currentWeights));
        }

        TestStatistic ks = weighted && !includePValue
            ? new TestStatistic(KolmogorovSmirnov.WeightedStatistic(sortedReference, referenceWeights, sortedCurrent, currentWeights), null)
            : ToStatistic(weighted
                ? KolmogorovSmirnov.TwoSampleWeighted(sortedReference, referenceWeights, sortedCurrent, currentWeights, referenceSize, currentSize)
                : KolmogorovSmirnov.TwoSampleSorted(sortedReference, sortedCurrent));

        double[] edges = weighted
            ? QuantileBinning.ComputeEdges(sortedReference, referenceWeights, NumericBinCount)
            : QuantileBinning.ComputeEdges(sortedReference, NumericBinCount);
        var referenceBins = new double[edges.Length + 1];
        var currentBins = new double[edges.Length + 1];
        if (weighted)
        {
            QuantileBinning.ComputeWeightedProportions(edges, sortedReference, referenceWeights, referenceBins);
            QuantileBinning.ComputeWeightedProportions(edges, sortedCurrent, currentWeights, currentBins);
        }
        else
        {
            QuantileBinning.ComputeProportions(edges, sortedReference, referenceBins);
            QuantileBinning.ComputeProportions(edges, sortedCurrent, currentBins);
        }

        double w1 = wasserstein ?? WassersteinDistance.ComputeSorted(sortedReference, referenceWeights, sortedCurrent, currentWeights);
        return new DriftMetrics(
            Ks: ks,
            ChiSquare: null,
            ZTest: null,
            Psi: PopulationStabilityIndex.Compute(referenceBins, currentBins),
            JensenShannon: Statistics.JensenShannon.Distance(referenceBins, currentBins),
            Wasserstein: w1,
            WassersteinNormalized: WassersteinDistance.Normalize(w1, referenceStandardDeviation, stdFloor));
    }

    /// <summary>Categorical metrics over aligned category counts (the union of both sides' categories).</summary>
    public static DriftMetrics Categorical(ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> currentCounts)
    {
        if (Sum(referenceCounts) <= 0 || Sum(currentCounts) <= 0)
        {
            return DriftMetrics.None;
        }

        ChiSquareResult chi = ChiSquareTest.Homogeneity(referenceCounts, currentCounts);
        return new DriftMetrics(
            Ks: null,
            ChiSquare: new ChiSquareStatistic(chi.Statistic, chi.PValue, chi.DegreesOfFreedom),
            ZTest: null,
            Psi: PopulationStabilityIndex.Compute(referenceCounts, currentCounts),
            JensenShannon: Statistics.JensenShannon.Distance(referenceCounts, currentCounts),
            Wasserstein: null,
            WassersteinNormalized: null);
    }

    /// <summary>Binary metrics: the z-test on the positive share plus the categorical metrics over [negatives, positives].</summary>
    public static DriftMetrics Binary(long referencePositives, long referenceTotal, long currentPositives, long currentTotal)
    {
        if (referenceTotal <= 0 || currentTotal <= 0)
        {
            return DriftMetrics.None;
        }

        ZTestResult z = TwoProportionZTest.Compute(referencePositives, referenceTotal, currentPositives, currentTotal);
        DriftMetrics categorical = Categorical(
            [referenceTotal - referencePositives, referencePositives],
            [currentTotal - currentPositives, currentPositives]);
        return categorical with { ZTest = new TestStatistic(z.Z, z.PValue) };
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum;
    }

    private static TestStatistic ToStatistic(KolmogorovSmirnovResult ks) => new(ks.Statistic, ks.PValue);
}
