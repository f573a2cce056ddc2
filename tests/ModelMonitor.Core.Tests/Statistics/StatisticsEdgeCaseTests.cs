using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Tests.Statistics;

/// <summary>Documented behaviour on empty, constant and invalid input: a defined result or an argument exception, never NaN.</summary>
public sealed class StatisticsEdgeCaseTests
{
    [Fact]
    public void KolmogorovSmirnov_EmptySample_ReturnsNoEvidence()
    {
        Assert.Equal(new KolmogorovSmirnovResult(0, 1, KsPValueMethod.NotApplicable), KolmogorovSmirnov.TwoSample([], [1.0, 2.0]));
        Assert.Equal(new KolmogorovSmirnovResult(0, 1, KsPValueMethod.NotApplicable), KolmogorovSmirnov.TwoSample([], []));
        Assert.Equal(1.0, KolmogorovSmirnov.PValue(0.5, 0, 10));
    }

    [Fact]
    public void KolmogorovSmirnov_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([1.0, double.NaN], [1.0]));
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSampleSorted([2.0, 1.0], [1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => KolmogorovSmirnov.PValue(1.5, 10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => KolmogorovSmirnov.PValue(double.NaN, 10, 10));
    }

    [Fact]
    public void KolmogorovSmirnov_InfiniteValues_AreOrderedNormally()
    {
        KolmogorovSmirnovResult r = KolmogorovSmirnov.TwoSample([double.NegativeInfinity, 0, 7], [double.PositiveInfinity, 5, 6]);
        Assert.Equal(2.0 / 3.0, r.Statistic, 15);
    }

    [Fact]
    public void KolmogorovSmirnov_PValueOfSampleStatistic_EqualsTestPValue()
    {
        // The sketch path feeds D back through PValue; on the lattice it must reproduce the raw-sample result.
        double[] a = [0.1, 0.4, 0.4, 0.9, 1.3, 2.2, 2.2, 3.0];
        double[] b = [0.5, 0.7, 1.1, 1.9, 2.5, 2.6, 3.3, 3.4, 4.0, 4.4, 5.0];
        KolmogorovSmirnovResult r = KolmogorovSmirnov.TwoSample(a, b);
        Assert.Equal(r.PValue, KolmogorovSmirnov.PValue(r.Statistic, a.Length, b.Length), 15);
    }

    [Fact]
    public void KolmogorovSmirnov_WeightedWithoutMass_IsZero()
    {
        Assert.Equal(0.0, KolmogorovSmirnov.WeightedStatistic([1.0, 2.0], [0.0, 0.0], [3.0], [1.0]));
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.WeightedStatistic([1.0], [-1.0], [3.0], [1.0]));
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.WeightedStatistic([1.0], [1.0, 2.0], [3.0], [1.0]));
    }

    [Fact]
    public void ChiSquare_DegenerateTables_ReturnZeroStatisticAndPValueOne()
    {
        var degenerate = new ChiSquareResult(0, 0, 1);
        Assert.Equal(degenerate, ChiSquareTest.Homogeneity([0, 40, 0], [0, 25, 0]));
        Assert.Equal(degenerate, ChiSquareTest.Homogeneity([10, 20], [0, 0]));
        Assert.Equal(degenerate, ChiSquareTest.Homogeneity([0, 0], [0, 0]));
        Assert.Equal(degenerate, ChiSquareTest.Homogeneity([], []));
        Assert.Throws<ArgumentException>(() => ChiSquareTest.Homogeneity([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => ChiSquareTest.Homogeneity([1, -2], [1, 2]));
    }

    [Fact]
    public void Distances_EmptySide_AreZero()
    {
        Assert.Equal(0.0, PopulationStabilityIndex.Compute([0, 0], [1, 2]));
        Assert.Equal(0.0, JensenShannon.Distance([1, 2], [0, 0]));
        Assert.Equal(0.0, KullbackLeibler.Divergence([], []));
        Assert.Throws<ArgumentException>(() => JensenShannon.Distance([1, 2], [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationStabilityIndex.Compute([1], [1], epsilon: 0));
    }

    [Fact]
    public void PopulationStabilityIndex_DisjointSupport_IsFiniteWithEpsilonFloor()
    {
        // p = [1, 0] → floored [1, 1e-4] → renormalized; PSI = 2·(1 − 2e-4/(1 + 1e-4))·ln(1e4).
        double psi = PopulationStabilityIndex.Compute([1, 0], [0, 1]);
        double r = 1e-4 / (1 + 1e-4);
        Assert.Equal(2 * (1 - r - r) * Math.Log((1 - r) / r), psi, 12);
    }

    [Fact]
    public void JensenShannon_ScipyDocExample() =>
        Assert.Equal(0.46450140402245893, JensenShannon.Distance([1.0, 0.0], [0.5, 0.5]), 15);

    [Fact]
    public void Wasserstein_EmptyOrInfinite_IsZeroOrThrows()
    {
        Assert.Equal(0.0, WassersteinDistance.Compute([], [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => WassersteinDistance.Compute([double.PositiveInfinity], [1.0]));
        Assert.Equal(0.0, WassersteinDistance.StandardDeviation([]));
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(0.5, 0.0, 500.0)]
    [InlineData(0.5, 1e-9, 500.0)]
    [InlineData(0.5, 2.0, 0.25)]
    public void Wasserstein_Normalize_UsesStdFloorAndIsNeverNaN(double distance, double sigma, double expected) =>
        Assert.Equal(expected, WassersteinDistance.Normalize(distance, sigma), 12);

    [Fact]
    public void Wasserstein_ConstantReference_SameConstant_IsZero()
    {
        double[] reference = [2, 2, 2, 2];
        double w = WassersteinDistance.Compute(reference, [2.0, 2.0]);
        Assert.Equal(0.0, WassersteinDistance.Normalize(w, WassersteinDistance.StandardDeviation(reference)));
    }

    [Fact]
    public void ZTest_Degenerate_ReturnsZeroAndOne()
    {
        Assert.Equal(new ZTestResult(0, 1), TwoProportionZTest.Compute(0, 100, 0, 50));
        Assert.Equal(new ZTestResult(0, 1), TwoProportionZTest.Compute(100, 100, 50, 50));
        Assert.Equal(new ZTestResult(0, 1), TwoProportionZTest.Compute(0, 0, 5, 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoProportionZTest.Compute(5, 4, 1, 1));
    }

    [Fact]
    public void MultipleTesting_EmptyAndInvalid()
    {
        Assert.Empty(MultipleTesting.Adjust([], MultipleTestingCorrection.BenjaminiHochberg));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleTesting.Adjust([0.1, 1.5], MultipleTestingCorrection.Bonferroni));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleTesting.Adjust([double.NaN], MultipleTestingCorrection.None));
    }

    [Fact]
    public void ProportionIntervals_NoTrials_AreUninformative()
    {
        Assert.Equal(new ConfidenceInterval(0, 1), ProportionConfidenceInterval.Wilson(0, 0));
        Assert.Equal(new ConfidenceInterval(0, 1), ProportionConfidenceInterval.Wald(0, 0));
        Assert.Equal(new ConfidenceInterval(0, 0), ProportionConfidenceInterval.Wald(0, 10));
        Assert.Equal(0.0, ProportionConfidenceInterval.Wilson(0, 10).Lower);
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionConfidenceInterval.Wilson(1, 10, confidence: 1.0));
    }

    [Fact]
    public void QuantileBinning_ConstantAndEmptyReference()
    {
        Assert.Equal([2.0], QuantileBinning.ComputeEdges([2.0, 2.0, 2.0]));
        Assert.Empty(QuantileBinning.ComputeEdges([]));
        Assert.Empty(QuantileBinning.ComputeEdges([1.0, 2.0], [0.0, 0.0]));

        var proportions = new double[2];
        Assert.Equal(0, QuantileBinning.ComputeProportions([2.0], [], proportions));
        Assert.Equal([0.0, 0.0], proportions);
        QuantileBinning.ComputeProportions([2.0], [1.0, 2.0, 3.0, 4.0], proportions);
        Assert.Equal([0.5, 0.5], proportions);
    }

    [Fact]
    public void QuantileBinning_WeightedEdges_FollowCumulativeWeight()
    {
        // CDF: 1 → 0.1, 2 → 0.2, 3 → 0.9, 4 → 1.0; quartile cut points Q(0.25) = 3, Q(0.5) = 3, Q(0.75) = 3.
        Assert.Equal([3.0], QuantileBinning.ComputeEdges([1.0, 2.0, 3.0, 4.0], [1.0, 1.0, 7.0, 1.0], binCount: 4));

        // Halves: Q(0.5) is the first value whose cumulative weight reaches half.
        Assert.Equal([2.0], QuantileBinning.ComputeEdges([1.0, 2.0, 3.0], [2.0, 3.0, 5.0], binCount: 2));

        var proportions = new double[2];
        QuantileBinning.ComputeWeightedProportions([2.0], [1.0, 2.0, 3.0], [2.0, 3.0, 5.0], proportions);
        Assert.Equal([0.5, 0.5], proportions);
    }
}
