using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Tests.Statistics;

public sealed class DriftEvaluatorTests
{
    private static readonly DriftPolicy NoCorrection = new(correction: MultipleTestingCorrection.None);

    [Fact]
    public void SmallReference_ShiftedNumeric_UsesKsAndDrifts()
    {
        FeatureDriftInput feature = FeatureDriftInput.Numeric("age", Grid(500, 0.0), Grid(400, 0.5));

        DatasetDriftResult result = DriftEvaluator.Evaluate([feature], DriftPolicy.Default);

        FeatureDriftResult f = Assert.Single(result.Features);
        Assert.Equal(DriftMethod.KolmogorovSmirnov, f.Method);
        Assert.Equal(0.05, f.Threshold);
        Assert.Equal(DriftStatus.Drifted, f.Status);
        Assert.True(f.Drifted);
        Assert.Equal(KolmogorovSmirnov.TwoSample(Grid(500, 0.0), Grid(400, 0.5)).PValue, f.PValue);
        Assert.Equal(f.PValue, f.Score); // a family of one: BH leaves it unchanged
        Assert.True(result.DatasetDrifted);
    }

    [Fact]
    public void LargeReference_SameDistribution_UsesWassersteinAndDoesNotDrift()
    {
        // KS would call this significant at these sizes only by chance; the distance looks at the effect size.
        FeatureDriftInput feature = FeatureDriftInput.Numeric("income", Grid(5000, 0.0), Grid(3000, 0.01));

        FeatureDriftResult f = Assert.Single(DriftEvaluator.Evaluate([feature], DriftPolicy.Default).Features);

        Assert.Equal(DriftMethod.Wasserstein, f.Method);
        Assert.Equal(0.1, f.Threshold);
        Assert.Equal(DriftStatus.NoDrift, f.Status);
        Assert.True(f.Score < 0.1);
        Assert.Null(f.PValue);
    }

    [Fact]
    public void LargeReference_HalfSigmaShift_Drifts()
    {
        FeatureDriftInput feature = FeatureDriftInput.Numeric("income", Grid(5000, 0.0), Grid(3000, 0.5));

        FeatureDriftResult f = Assert.Single(DriftEvaluator.Evaluate([feature], DriftPolicy.Default).Features);

        Assert.Equal(DriftStatus.Drifted, f.Status);
        Assert.InRange(f.Score!.Value, 0.45, 0.55); // W ≈ 0.5, σ ≈ 1
    }

    [Theory]
    [InlineData(99, 500)]
    [InlineData(500, 99)]
    [InlineData(500, 0)]
    [InlineData(0, 0)]
    public void BelowMinimumSample_IsInsufficientData_NeverDrift(int referenceSize, int currentSize)
    {
        FeatureDriftInput feature = FeatureDriftInput.Numeric("x", Grid(referenceSize, 0.0), Grid(currentSize, 5.0));

        DatasetDriftResult result = DriftEvaluator.Evaluate([feature], DriftPolicy.Default);

        FeatureDriftResult f = Assert.Single(result.Features);
        Assert.Equal(DriftStatus.InsufficientData, f.Status);
        Assert.False(f.Drifted);
        Assert.Null(f.Score);
        Assert.Equal(0, result.DecidedFeatureCount);
        Assert.Equal(0.0, result.DriftedShare);
        Assert.False(result.DatasetDrifted);
    }

    [Fact]
    public void ConstantColumns_GiveFiniteScores()
    {
        FeatureDriftInput[] features =
        [
            FeatureDriftInput.Numeric("small-same", Constant(200, 3.0), Constant(150, 3.0)),
            FeatureDriftInput.Numeric("large-same", Constant(5000, 3.0), Constant(150, 3.0)),
            FeatureDriftInput.Numeric("large-moved", Constant(5000, 3.0), Constant(150, 3.5)),
            FeatureDriftInput.Categorical("one-category", new double[] { 0, 300, 0 }, new double[] { 0, 200, 0 }),
            FeatureDriftInput.Binary("all-negative", 0, 300, 0, 200),
        ];

        DatasetDriftResult result = DriftEvaluator.Evaluate(features, NoCorrection);

        Assert.All(result.Features, f => Assert.True(f.Score is { } s && double.IsFinite(s), f.FeatureName));
        Assert.Equal(DriftStatus.NoDrift, result.Features[0].Status);
        Assert.Equal(1.0, result.Features[0].Score);
        Assert.Equal(DriftStatus.NoDrift, result.Features[1].Status);
        Assert.Equal(0.0, result.Features[1].Score);
        Assert.Equal(DriftStatus.Drifted, result.Features[2].Status);
        Assert.Equal(0.5 / WassersteinDistance.DefaultStdFloor, result.Features[2].Score!.Value, 9);
        Assert.Equal(1.0, result.Features[3].Score);
        Assert.Equal(1.0, result.Features[4].Score);
    }

    [Fact]
    public void Categorical_SmallUsesChiSquare_LargeUsesJensenShannon()
    {
        double[] reference = [300, 200, 100];
        double[] current = [100, 200, 300];
        double[] bigReference = [3000, 2000, 1000];

        DatasetDriftResult result = DriftEvaluator.Evaluate(
            [FeatureDriftInput.Categorical("small", reference, current), FeatureDriftInput.Categorical("large", bigReference, current)],
            NoCorrection);

        Assert.Equal(DriftMethod.ChiSquare, result.Features[0].Method);
        Assert.Equal(ChiSquareTest.Homogeneity(reference, current).PValue, result.Features[0].Score);
        Assert.Equal(DriftMethod.JensenShannon, result.Features[1].Method);
        Assert.Equal(JensenShannon.Distance(bigReference, current), result.Features[1].Score);
        Assert.All(result.Features, f => Assert.Equal(DriftStatus.Drifted, f.Status));
    }

    [Fact]
    public void Binary_SmallUsesZ_LargeUsesJensenShannon()
    {
        DatasetDriftResult result = DriftEvaluator.Evaluate(
            [FeatureDriftInput.Binary("small", 100, 400, 160, 400), FeatureDriftInput.Binary("large", 1000, 4000, 1020, 4000)],
            NoCorrection);

        Assert.Equal(DriftMethod.ZTest, result.Features[0].Method);
        Assert.Equal(TwoProportionZTest.Compute(100, 400, 160, 400).PValue, result.Features[0].Score);
        Assert.Equal(DriftStatus.Drifted, result.Features[0].Status);
        Assert.Equal(DriftMethod.JensenShannon, result.Features[1].Method);
        Assert.Equal(DriftStatus.NoDrift, result.Features[1].Status);
    }

    [Fact]
    public void Correction_AdjustsOnlyTestedFeatures_AndCanClearMarginalAlarms()
    {
        // Raw z-test p ≈ 0.03 for "marginal", ≈ 0.6 for "quiet"; "distance" uses JS and is not in the family.
        FeatureDriftInput[] features =
        [
            FeatureDriftInput.Binary("marginal", 100, 200, 122, 200),
            FeatureDriftInput.Binary("quiet", 100, 200, 105, 200),
            FeatureDriftInput.Categorical("distance", new double[] { 3000, 2000 }, new double[] { 100, 100 }),
        ];
        double rawMarginal = TwoProportionZTest.Compute(100, 200, 122, 200).PValue;
        double rawQuiet = TwoProportionZTest.Compute(100, 200, 105, 200).PValue;
        Assert.InRange(rawMarginal, 0.025, 0.05);

        DatasetDriftResult none = DriftEvaluator.Evaluate(features, NoCorrection);
        DatasetDriftResult bh = DriftEvaluator.Evaluate(features, DriftPolicy.Default);
        DatasetDriftResult bonferroni = DriftEvaluator.Evaluate(features, new DriftPolicy(correction: MultipleTestingCorrection.Bonferroni));

        Assert.Equal(DriftStatus.Drifted, none.Features[0].Status);
        double[] expected = MultipleTesting.Adjust([rawMarginal, rawQuiet], MultipleTestingCorrection.BenjaminiHochberg);
        Assert.Equal(expected[0], bh.Features[0].Score);
        Assert.Equal(rawMarginal, bh.Features[0].PValue);
        Assert.Equal(DriftStatus.NoDrift, bh.Features[0].Status);
        Assert.Equal(Math.Min(1, 2 * rawMarginal), bonferroni.Features[0].Score);
        Assert.Equal(none.Features[2].Score, bh.Features[2].Score);
    }

    [Fact]
    public void DatasetDrift_ShareAmongDecidedFeatures_ReachesThreshold()
    {
        FeatureDriftInput[] features =
        [
            FeatureDriftInput.Binary("drifted", 100, 400, 200, 400),
            FeatureDriftInput.Binary("stable", 100, 400, 100, 400),
            FeatureDriftInput.Binary("too-small", 5, 20, 15, 20),
        ];

        DatasetDriftResult result = DriftEvaluator.Evaluate(features, DriftPolicy.Default);

        Assert.Equal(2, result.DecidedFeatureCount);
        Assert.Equal(1, result.DriftedFeatureCount);
        Assert.Equal(0.5, result.DriftedShare);
        Assert.True(result.DatasetDrifted);
        Assert.False(DriftEvaluator.Evaluate(features, new DriftPolicy(datasetDriftShare: 0.6)).DatasetDrifted);
    }

    [Fact]
    public void FeatureOverride_ChangesThresholdsForThatFeatureOnly()
    {
        var policy = new DriftPolicy(featureOverrides: new Dictionary<string, FeatureDriftPolicy>
        {
            ["rare"] = new FeatureDriftPolicy(minSampleSize: 10),
        });
        FeatureDriftInput[] features =
        [
            FeatureDriftInput.Binary("rare", 5, 20, 15, 20),
            FeatureDriftInput.Binary("other", 5, 20, 15, 20),
        ];

        DatasetDriftResult result = DriftEvaluator.Evaluate(features, policy);

        Assert.Equal(DriftStatus.Drifted, result.Features[0].Status);
        Assert.Equal(DriftStatus.InsufficientData, result.Features[1].Status);
    }

    [Fact]
    public void WeightedNumeric_SketchPath_UsesWeightedKsWithEffectiveSizes()
    {
        // 50 distinct values, each standing for 4 observations: 200 values per side.
        double[] values = Enumerable.Range(0, 50).Select(i => (double)i).ToArray();
        double[] shifted = values.Select(v => v + 10).ToArray();
        double[] weights = Enumerable.Repeat(4.0, 50).ToArray();

        FeatureDriftResult f = Assert.Single(DriftEvaluator.Evaluate(
            [FeatureDriftInput.NumericWeighted("sketched", values, weights, shifted, weights)], DriftPolicy.Default).Features);

        Assert.Equal(200, f.ReferenceSize);
        Assert.Equal(DriftMethod.KolmogorovSmirnov, f.Method);
        Assert.Equal(0.2, f.Statistic!.Value, 12);
        Assert.Equal(KolmogorovSmirnov.PValue(0.2, 200, 200), f.PValue);
    }

    [Fact]
    public void WeightedNumeric_GivenReferenceStandardDeviation_NormalizesWassersteinWithIt()
    {
        // 2,000 values per side (a distance decides); W = 10 between the two grids.
        double[] values = Enumerable.Range(0, 50).Select(i => (double)i).ToArray();
        double[] shifted = values.Select(v => v + 10).ToArray();
        double[] weights = Enumerable.Repeat(40.0, 50).ToArray();

        FeatureDriftResult given = Assert.Single(DriftEvaluator.Evaluate(
            [FeatureDriftInput.NumericWeighted("x", values, weights, shifted, weights, referenceStandardDeviation: 20)], DriftPolicy.Default).Features);
        FeatureDriftResult computed = Assert.Single(DriftEvaluator.Evaluate(
            [FeatureDriftInput.NumericWeighted("x", values, weights, shifted, weights)], DriftPolicy.Default).Features);

        Assert.Equal(DriftMethod.Wasserstein, given.Method);
        Assert.Equal(10.0 / 20, given.Score!.Value, 12);
        Assert.Equal(10.0 / WassersteinDistance.StandardDeviation(values, weights), computed.Score!.Value, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            FeatureDriftInput.NumericWeighted("x", values, weights, shifted, weights, referenceStandardDeviation: double.NaN));
    }

    [Fact]
    public void NoFeatures_NoDatasetDrift()
    {
        DatasetDriftResult result = DriftEvaluator.Evaluate([], DriftPolicy.Default);
        Assert.Empty(result.Features);
        Assert.False(result.DatasetDrifted);
    }

    [Fact]
    public void DuplicateFeatureNames_Throw() =>
        Assert.Throws<ArgumentException>(() => DriftEvaluator.Evaluate(
            [FeatureDriftInput.Binary("a", 1, 2, 1, 2), FeatureDriftInput.Binary("a", 1, 2, 1, 2)], DriftPolicy.Default));

    [Fact]
    public void Policies_ValidateInConstructor()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureDriftPolicy(alpha: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureDriftPolicy(alpha: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureDriftPolicy(minSampleSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureDriftPolicy(maxReferenceSizeForTests: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureDriftPolicy(numericDistanceThreshold: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureDriftPolicy(categoricalDistanceThreshold: 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureDriftPolicy(wassersteinStdFloor: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DriftPolicy(datasetDriftShare: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DriftPolicy(correction: (MultipleTestingCorrection)42));
    }

    [Fact]
    public void Inputs_ValidateAtConstruction()
    {
        Assert.Throws<ArgumentException>(() => FeatureDriftInput.Numeric("x", [double.NaN], [1.0]));
        Assert.Throws<ArgumentException>(() => FeatureDriftInput.NumericWeighted("x", new double[] { 2, 1 }, new double[] { 1, 1 }, new double[] { 1 }, new double[] { 1 }));
        Assert.Throws<ArgumentException>(() => FeatureDriftInput.Categorical("x", new double[] { 1, 2 }, new double[] { 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureDriftInput.Binary("x", 3, 2, 0, 1));
        Assert.Throws<ArgumentException>(() => FeatureDriftInput.Binary("", 1, 2, 0, 1));
    }

    /// <summary>Deterministic "normal-like" sample: inverse-normal of an evenly spaced grid, shifted.</summary>
    private static double[] Grid(int n, double shift) =>
        Enumerable.Range(0, n).Select(i => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (i + 0.5) / n) + shift).ToArray();

    private static double[] Constant(int n, double value) => Enumerable.Repeat(value, n).ToArray();
}
