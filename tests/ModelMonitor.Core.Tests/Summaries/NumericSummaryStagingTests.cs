using ModelMonitor.Core.Sketches;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Tests.Sketches;

namespace ModelMonitor.Core.Tests.Summaries;

/// <summary>
/// <see cref="NumericSummary"/> stages finite values and folds them a batch at a time; every read folds first, so
/// the answers must be those of the data itself whatever the count relative to the staging capacity.
/// </summary>
public class NumericSummaryStagingTests
{
    private const int Capacity = NumericSummary.StagingCapacity;

    [Fact]
    public void Empty_ReportsZeroCountsAndNaNStatistics()
    {
        var summary = new NumericSummary();

        Assert.Equal(0, summary.Count);
        Assert.Equal(0, summary.Total);
        Assert.Equal(0, summary.M2);
        Assert.True(double.IsNaN(summary.Mean));
        Assert.True(double.IsNaN(summary.Variance));
        Assert.True(double.IsNaN(summary.StdDev));
        Assert.True(double.IsNaN(summary.Min));
        Assert.True(double.IsNaN(summary.Max));
        Assert.True(summary.Sketch.IsEmpty);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(Capacity - 1)]
    [InlineData(Capacity)]
    [InlineData(Capacity + 1)]
    [InlineData((2 * Capacity) + 17)]
    [InlineData(10_000)]
    public void Add_CountsAroundStagingCapacity_StatisticsMatchTheData(int n)
    {
        var data = Data(n, seed: n);

        var summary = Summarize(data);

        var (mean, m2) = ExactMoments(data);
        Assert.Equal(n, summary.Count);
        Assert.Equal(n, summary.Total);
        Assert.Equal(data.Min(), summary.Min);
        Assert.Equal(data.Max(), summary.Max);
        AssertClose(mean, summary.Mean, 1e-12);
        AssertClose(m2, summary.M2, 1e-12);
        AssertClose(m2 / n, summary.Variance, 1e-12);
        AssertClose(Math.Sqrt(m2 / n), summary.StdDev, 1e-12);
        SketchAssert.Summarizes(summary.Sketch, data);
    }

    [Fact]
    public void Add_SingleValue_MeanIsTheValueAndVarianceZero()
    {
        var summary = new NumericSummary();

        summary.Add(-3.25);

        Assert.Equal(1, summary.Count);
        Assert.Equal(-3.25, summary.Mean);
        Assert.Equal(0, summary.M2);
        Assert.Equal(0, summary.Variance);
        Assert.Equal(-3.25, summary.Min);
        Assert.Equal(-3.25, summary.Max);
        Assert.Equal([new WeightedValue(-3.25, 1)], summary.Sketch.GetSortedView());
    }

    [Fact]
    public void Add_ConstantIntegerColumn_MeanExactAndVarianceZero()
    {
        var summary = Summarize(Enumerable.Repeat(42.0, (3 * Capacity) + 5).ToArray());

        Assert.Equal(42.0, summary.Mean);
        Assert.Equal(0, summary.M2);
        Assert.Equal(0, summary.Variance);
        Assert.Equal([new WeightedValue(42.0, (3 * Capacity) + 5)], summary.Sketch.GetSortedView());
    }

    [Fact]
    public void Add_ConstantInexactColumn_MeanExactAndVarianceZero()
    {
        // 0.1 is not a binary fraction, so a batch's sum rounds; the two-pass correction takes the rounding back out.
        var summary = Summarize(Enumerable.Repeat(0.1, (3 * Capacity) + 5).ToArray());

        Assert.Equal(0.1, summary.Mean);
        Assert.Equal(0, summary.Variance);
        Assert.Equal(0.1, summary.Min);
        Assert.Equal(0.1, summary.Max);
    }

    [Fact]
    public void Add_MixedSignValuesNearMaxValue_MeanIsFinite()
    {
        var summary = Summarize([1e308, 1e308, -1e308, -1e308, 1e308]);

        Assert.Equal(0.2e308, summary.Mean, 1e293);
        Assert.Equal(5, summary.Count);
    }

    [Fact]
    public void Add_LargeOffset_VarianceIsStable()
    {
        // Values 1e9 + U(0,1): a naive sum of squares would lose every digit of the variance.
        var random = new Random(81);
        var data = Enumerable.Range(0, 5_000).Select(_ => 1e9 + random.NextDouble()).ToArray();

        var summary = Summarize(data);

        var (mean, m2) = ExactMoments(data);
        AssertClose(mean, summary.Mean, 1e-15);
        AssertClose(m2 / data.Length, summary.Variance, 1e-6);
    }

    [Fact]
    public void Reads_WhileAdding_DoNotChangeTheFinalCountsAndMoments()
    {
        var data = Data(5_000, seed: 82);
        var untouched = Summarize(data);

        var read = new NumericSummary();
        var random = new Random(83);
        for (int i = 0; i < data.Length; i++)
        {
            read.Add(data[i]);
            if (random.Next(100) == 0)
            {
                // Every kind of read folds the staged values; the statistics so far must already be right.
                var prefix = data[..(i + 1)];
                Assert.Equal(i + 1, random.Next(6) switch
                {
                    0 => read.Count,
                    1 => read.Sketch.Count,
                    2 => read.Clone().Count,
                    3 => read.Total,
                    _ => read.Count,
                });
                Assert.Equal(prefix.Min(), read.Min);
                Assert.Equal(prefix.Max(), read.Max);
                AssertClose(ExactMoments(prefix).Mean, read.Mean, 1e-12);
            }
        }

        var (mean, m2) = ExactMoments(data);
        Assert.Equal(untouched.Count, read.Count);
        Assert.Equal(untouched.Total, read.Total);
        Assert.Equal(untouched.Min, read.Min);
        Assert.Equal(untouched.Max, read.Max);
        Assert.Equal(untouched.Sketch.Count, read.Sketch.Count);
        AssertClose(mean, read.Mean, 1e-12);
        AssertClose(m2, read.M2, 1e-12);
        AssertClose(untouched.Mean, read.Mean, 1e-12);
        AssertClose(untouched.M2, read.M2, 1e-12);
        SketchAssert.Summarizes(read.Sketch, data);
    }

    [Fact]
    public void Add_NonFiniteValues_CountedSeparatelyAndKeptOutOfTheStatistics()
    {
        var finite = Data((2 * Capacity) + 40, seed: 84);
        var summary = new NumericSummary();
        var random = new Random(85);
        long nan = 0;
        long posInf = 0;
        long negInf = 0;
        foreach (double value in finite)
        {
            // Up to three non-finite values between finite ones, so some staging batches see hundreds of them.
            for (int extra = random.Next(4); extra > 0; extra--)
            {
                switch (random.Next(3))
                {
                    case 0:
                        summary.Add(double.NaN);
                        nan++;
                        break;
                    case 1:
                        summary.Add(double.PositiveInfinity);
                        posInf++;
                        break;
                    default:
                        summary.Add(double.NegativeInfinity);
                        negInf++;
                        break;
                }
            }

            summary.Add(value);
        }

        var (mean, m2) = ExactMoments(finite);
        Assert.Equal(finite.Length, summary.Count);
        Assert.Equal(nan, summary.Nan);
        Assert.Equal(posInf, summary.PosInf);
        Assert.Equal(negInf, summary.NegInf);
        Assert.Equal(finite.Length + nan + posInf + negInf, summary.Total);
        Assert.Equal(finite.Min(), summary.Min);
        Assert.Equal(finite.Max(), summary.Max);
        AssertClose(mean, summary.Mean, 1e-12);
        AssertClose(m2, summary.M2, 1e-12);
        SketchAssert.Summarizes(summary.Sketch, finite);
    }

    [Fact]
    public void Add_OnlyNonFiniteValuesPastTheStagingCapacity_LeavesTheStatisticsEmpty()
    {
        var summary = new NumericSummary();
        for (int i = 0; i < 3 * Capacity; i++)
        {
            summary.Add(i % 3 == 0 ? double.NaN : i % 3 == 1 ? double.PositiveInfinity : double.NegativeInfinity);
        }

        Assert.Equal(0, summary.Count);
        Assert.Equal(Capacity, summary.Nan);
        Assert.Equal(Capacity, summary.PosInf);
        Assert.Equal(Capacity, summary.NegInf);
        Assert.Equal(3 * Capacity, summary.Total);
        Assert.True(double.IsNaN(summary.Mean));
        Assert.True(double.IsNaN(summary.Min));
        Assert.True(summary.Sketch.IsEmpty);

        summary.Add(2.5);

        Assert.Equal(1, summary.Count);
        Assert.Equal(2.5, summary.Mean);
        Assert.Equal(0, summary.Variance);
    }

    public static TheoryData<string> HugeColumns => ["0.9e308 to 1e308", "MaxValue/4 to MaxValue/2", "±MaxValue/2", "-MaxValue/2 to -MaxValue/4"];

    [Theory]
    [MemberData(nameof(HugeColumns))]
    public void Add_ValuesWhoseSumOverflows_MeanIsFiniteAndCorrect(string column)
    {
        var random = new Random(86);
        double[] data = column switch
        {
            "0.9e308 to 1e308" => Enumerable.Range(0, 1_000).Select(_ => 1e308 * (0.9 + (random.NextDouble() / 10))).ToArray(),
            "MaxValue/4 to MaxValue/2" => Enumerable.Range(0, 1_000).Select(_ => double.MaxValue / 2 * (0.5 + (random.NextDouble() / 2))).ToArray(),
            "±MaxValue/2" => Enumerable.Range(0, 1_000).Select(_ => (random.Next(4) == 0 ? -1 : 1) * double.MaxValue / 2 * random.NextDouble()).ToArray(),
            "-MaxValue/2 to -MaxValue/4" => Enumerable.Range(0, 1_000).Select(_ => -double.MaxValue / 2 * (0.5 + (random.NextDouble() / 2))).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };

        var summary = Summarize(data);

        // Scaling by a power of two is exact, so the reference mean is as accurate as for ordinary values.
        double scale = Math.ScaleB(1.0, -64);
        double expected = ExactMoments(data.Select(x => x * scale).ToArray()).Mean / scale;
        double magnitude = data.Max(Math.Abs);
        Assert.True(double.IsFinite(summary.Mean), $"mean {summary.Mean}");
        Assert.InRange(Math.Abs(summary.Mean - expected), 0, 1e-12 * magnitude);
        Assert.Equal(data.Length, summary.Count);
        Assert.Equal(data.Min(), summary.Min);
        Assert.Equal(data.Max(), summary.Max);
        Assert.False(double.IsNaN(summary.M2));
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(-1e308)]
    [InlineData(double.MaxValue)]
    public void Add_IdenticalHugeValues_MeanExactAndVarianceZero(double value)
    {
        var summary = Summarize(Enumerable.Repeat(value, (2 * Capacity) + 3).ToArray());

        Assert.Equal(value, summary.Mean);
        Assert.Equal(0, summary.M2);
        Assert.Equal(0, summary.Variance);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 100)]
    [InlineData(100, 0)]
    [InlineData(1, 1)]
    [InlineData(100, 200)]
    [InlineData(Capacity, Capacity - 1)]
    [InlineData(Capacity + 1, 3_000)]
    [InlineData(5_000, 7)]
    public void Merge_SummariesWithStagedValues_EqualsTheSummaryOfTheConcatenation(int left, int right)
    {
        var a = Data(left, seed: 87);
        var b = Data(right, seed: 88).Select(x => (x * 3) - 20).ToArray();
        var first = Summarize(a);
        first.Add(double.NaN);
        var second = Summarize(b);
        second.Add(double.NegativeInfinity);
        second.Add(double.PositiveInfinity);

        first.Merge(second);

        double[] all = [.. a, .. b];
        Assert.Equal(all.Length, first.Count);
        Assert.Equal(1, first.Nan);
        Assert.Equal(1, first.PosInf);
        Assert.Equal(1, first.NegInf);
        Assert.Equal(all.Length + 3, first.Total);
        SketchAssert.Summarizes(first.Sketch, all);
        if (all.Length == 0)
        {
            Assert.True(double.IsNaN(first.Mean));
            Assert.Equal(0, first.M2);
            return;
        }

        var (mean, m2) = ExactMoments(all);
        Assert.Equal(all.Min(), first.Min);
        Assert.Equal(all.Max(), first.Max);
        AssertClose(mean, first.Mean, 1e-9);
        AssertClose(m2, first.M2, 1e-9);

        // The other side still describes its own data.
        Assert.Equal(b.Length, second.Count);
        Assert.Equal(b.Length + 2, second.Total);
        if (b.Length > 0)
        {
            AssertClose(ExactMoments(b).Mean, second.Mean, 1e-12);
        }
    }

    [Fact]
    public void Merge_Itself_WithStagedValues_DoublesCountsAndKeepsMean()
    {
        var data = Data(Capacity + 30, seed: 89);
        var summary = Summarize(data);
        summary.Add(double.NaN);

        summary.Merge(summary);

        var (mean, m2) = ExactMoments(data);
        Assert.Equal(2 * data.Length, summary.Count);
        Assert.Equal(2, summary.Nan);
        Assert.Equal(2 * data.Length, summary.Sketch.Count);
        AssertClose(mean, summary.Mean, 1e-12);
        AssertClose(2 * m2, summary.M2, 1e-12);
    }

    [Fact]
    public void Clone_WithStagedValues_IsIndependentOfTheOriginal()
    {
        var data = Data(Capacity + 100, seed: 90);
        var original = Summarize(data);
        original.Add(double.PositiveInfinity);

        var clone = original.Clone();
        var sketchBytes = clone.Sketch.ToBytes();

        Assert.Equal(data.Length, clone.Count);
        Assert.Equal(original.Mean, clone.Mean);
        Assert.Equal(original.M2, clone.M2);
        Assert.Equal(original.Sketch.ToBytes(), sketchBytes);
        Assert.Equal(1, clone.PosInf);

        // Changes to either side, staged or folded, stay on that side.
        var more = Data((2 * Capacity) + 9, seed: 91).Select(x => x + 100).ToArray();
        foreach (double value in more)
        {
            original.Add(value);
        }

        original.Add(double.NaN);
        Assert.Equal(data.Length, clone.Count);
        Assert.Equal(0, clone.Nan);
        Assert.Equal(sketchBytes, clone.Sketch.ToBytes());
        AssertClose(ExactMoments(data).Mean, clone.Mean, 1e-12);
        Assert.Equal(data.Max(), clone.Max);

        clone.Add(-1_000);
        clone.Add(-2_000);
        Assert.Equal(data.Length + more.Length, original.Count);
        Assert.Equal(more.Max(), original.Max);
        Assert.Equal(data.Min(), original.Min);
        AssertClose(ExactMoments([.. data, .. more]).Mean, original.Mean, 1e-12);
        Assert.Equal(-2_000, clone.Min);
        Assert.Equal(data.Length + 2, clone.Count);
    }

    [Fact]
    public void Add_SameSequence_GivesByteIdenticalSketchesAndEqualMoments()
    {
        var data = Data(10_000, seed: 92);

        var first = Summarize(data);
        var second = Summarize(data);

        Assert.Equal(first.Sketch.ToBytes(), second.Sketch.ToBytes());
        Assert.Equal(first.Mean, second.Mean);
        Assert.Equal(first.M2, second.M2);
    }

    [Fact]
    public void Sketch_IsTheBatchUpdateOfEachFullStagingBuffer()
    {
        var data = Data((4 * Capacity) + 11, seed: 93);
        var expected = new KllSketch(64);
        for (int offset = 0; offset < data.Length; offset += Capacity)
        {
            expected.Update(data.AsSpan(offset, Math.Min(Capacity, data.Length - offset)).ToArray().AsSpan());
        }

        var summary = new NumericSummary(64);
        foreach (double value in data)
        {
            summary.Add(value);
        }

        Assert.Equal(expected.ToBytes(), summary.Sketch.ToBytes());
    }

    // Normal(10, 3): a non-zero mean, so relative errors of the mean are meaningful.
    private static double[] Data(int n, int seed) => SketchData.Normal(n, seed).Select(x => 10 + (3 * x)).ToArray();

    private static NumericSummary Summarize(IEnumerable<double> data)
    {
        var summary = new NumericSummary();
        foreach (double value in data)
        {
            summary.Add(value);
        }

        return summary;
    }

    /// <summary>Mean and sum of squared deviations by two passes of compensated (Neumaier) summation.</summary>
    private static (double Mean, double M2) ExactMoments(double[] data)
    {
        double mean = CompensatedSum(data) / data.Length;
        double m2 = CompensatedSum(data.Select(x => (x - mean) * (x - mean)));
        return (mean, m2);
    }

    private static double CompensatedSum(IEnumerable<double> values)
    {
        double sum = 0;
        double compensation = 0;
        foreach (double value in values)
        {
            double t = sum + value;
            compensation += Math.Abs(sum) >= Math.Abs(value) ? (sum - t) + value : (value - t) + sum;
            sum = t;
        }

        return sum + compensation;
    }

    private static void AssertClose(double expected, double actual, double relative) =>
        Assert.True(
            Math.Abs(actual - expected) <= relative * Math.Abs(expected),
            $"expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / Math.Abs(expected):E2} > {relative:E0})");
}
