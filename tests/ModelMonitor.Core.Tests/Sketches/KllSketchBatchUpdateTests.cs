using FsCheck.Xunit;
using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Tests.Sketches;

/// <summary>
/// The batch overload <see cref="KllSketch.Update(Span{double})"/>: the exact parts (count, min, max, total weight) are
/// exact, ranks stay within the documented bound, and the result is still a pure function of the calls made.
/// </summary>
public class KllSketchBatchUpdateTests
{
    public static TheoryData<string, int, int> Columns
    {
        get
        {
            var data = new TheoryData<string, int, int>();
            foreach (int k in new[] { 128, 200 })
            {
                foreach (string column in new[] { "uniform", "normal", "lognormal", "five values", "ascending", "descending", "constant" })
                {
                    data.Add(column, k, 256);
                }

                data.Add("uniform", k, 1);
                data.Add("uniform", k, 3);
                data.Add("lognormal", k, 1_000);
                data.Add("five values", k, 7);
                data.Add("normal", k, 100_000);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Columns))]
    public void Update_BatchesOfOneHundredThousandValues_ExactCountsAndRankErrorWithinBound(string column, int k, int batchSize)
    {
        const int N = 100_000;
        double[] data = column switch
        {
            "uniform" => SketchData.Uniform(N, seed: 61),
            "normal" => SketchData.Normal(N, seed: 62),
            "lognormal" => SketchData.LogNormal(N, seed: 63),
            "five values" => SketchData.FiveValues(N, seed: 64),
            "ascending" => SketchData.Ascending(N),
            "descending" => SketchData.Descending(N),
            "constant" => SketchData.Constant(N),
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };

        var sketch = BatchSketch(k, data, batchSize);

        SketchAssert.Summarizes(sketch, data);
        Assert.True(sketch.RetainedCount < N / 50, $"retained {sketch.RetainedCount}: the sketch compacted");
    }

    [Theory]
    [InlineData(128)]
    [InlineData(200)]
    public void Update_OneMillionValuesInBatchesOf256_StaysWithinBoundAndMemory(int k)
    {
        var data = SketchData.Uniform(1_000_000, seed: 65);

        var sketch = BatchSketch(k, data, 256);

        SketchAssert.Summarizes(sketch, data);
        // Same bound as one-at-a-time updates: a small top level per doubling of the count, never a multiple of K.
        Assert.InRange(sketch.RetainedCount, k, 650);
    }

    [Theory]
    [InlineData(128)]
    [InlineData(200)]
    public void Update_HeavyTiesInBatches_RanksOfTheTiedValuesWithinBound(int k)
    {
        // 90% of the values are one of two ties; the rest spread out.
        var random = new Random(66);
        var data = new double[50_000];
        for (int i = 0; i < data.Length; i++)
        {
            double roll = random.NextDouble();
            data[i] = roll < 0.6 ? 0.0 : roll < 0.9 ? 1.0 : random.NextDouble() * 10;
        }

        var sketch = BatchSketch(k, data, 256);

        SketchAssert.Summarizes(sketch, data);
        var exact = new ExactQuantiles(data);
        Assert.InRange(sketch.GetRank(0.0) - exact.RankAtOrBelow(0.0), -sketch.NormalizedRankError, sketch.NormalizedRankError);
        Assert.InRange(sketch.GetRank(1.0) - exact.RankAtOrBelow(1.0), -sketch.NormalizedRankError, sketch.NormalizedRankError);
        Assert.Equal(0.0, sketch.GetQuantile(0.3));
        Assert.Equal(1.0, sketch.GetQuantile(0.75));
    }

    [Fact]
    public void Update_ConstantColumnInBatches_AnswersAreExact()
    {
        var sketch = BatchSketch(200, SketchData.Constant(20_000), 256);

        Assert.Equal([new WeightedValue(42.0, 20_000)], sketch.GetSortedView());
        Assert.Equal(42.0, sketch.GetQuantile(0.37));
        Assert.Equal(1.0, sketch.GetRank(42.0));
        Assert.Equal(0.0, sketch.GetRank(41.999));
    }

    [Fact]
    public void Update_EmptySpan_IsNoOp()
    {
        var empty = new KllSketch();
        empty.Update(Span<double>.Empty);

        Assert.True(empty.IsEmpty);
        Assert.Equal(new KllSketch().ToBytes(), empty.ToBytes());

        var sketch = BatchSketch(64, SketchData.Normal(3_000, seed: 67), 100);
        var before = sketch.ToBytes();

        sketch.Update(Span<double>.Empty);

        Assert.Equal(before, sketch.ToBytes());
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(double.PositiveInfinity, 255)]
    [InlineData(double.NegativeInfinity, 100)]
    public void Update_BatchWithNonFiniteValue_ThrowsAndLeavesSketchUnchanged(double bad, int position)
    {
        var sketch = BatchSketch(200, SketchData.Uniform(1_000, seed: 68), 256);
        var before = sketch.ToBytes();
        var batch = SketchData.Uniform(256, seed: 69);
        batch[position] = bad;

        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Update(batch.AsSpan()));
        Assert.Equal(1_000, sketch.Count);
        Assert.Equal(before, sketch.ToBytes());

        // A small batch that would have fit in the free space is rejected the same way.
        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Update(new[] { 0.5, bad }.AsSpan()));
        Assert.Equal(before, sketch.ToBytes());
    }

    [Fact]
    public void Update_SameSequenceOfBatches_GivesByteIdenticalSketches()
    {
        static KllSketch Build()
        {
            var sketch = new KllSketch(128);
            var data = SketchData.LogNormal(60_000, seed: 70);
            var random = new Random(71);
            int offset = 0;
            while (offset < data.Length)
            {
                int size = Math.Min(random.Next(1, 2_000), data.Length - offset);
                sketch.Update(data.AsSpan(offset, size).ToArray().AsSpan());
                offset += size;
            }

            return sketch;
        }

        var first = Build().ToBytes();

        Assert.Equal(first, Build().ToBytes());
        Assert.Equal(60_000, KllSketch.FromBytes(first).Count);
    }

    [Theory]
    [InlineData(128)]
    [InlineData(200)]
    public void Update_BatchExactlyFillingFreeSpace_KeepsEveryValueExactly(int k)
    {
        // An empty sketch has room for K values on level 0; 50 single updates leave K - 50.
        var sketch = new KllSketch(k);
        for (int i = 0; i < 50; i++)
        {
            sketch.Update(i);
        }

        var batch = Enumerable.Range(50, k - 50).Select(i => (double)i).Reverse().ToArray();
        sketch.Update(batch.AsSpan());

        Assert.Equal(k, sketch.Count);
        Assert.Equal(k, sketch.RetainedCount);
        Assert.Equal(Enumerable.Range(0, k).Select(i => new WeightedValue(i, 1)), sketch.GetSortedView());
        Assert.Equal(0, sketch.Min);
        Assert.Equal(k - 1, sketch.Max);
        Assert.Equal(0.5, sketch.GetRank((k / 2) - 1));
    }

    [Theory]
    [InlineData(128)]
    [InlineData(200)]
    public void Update_BatchOneLargerThanFreeSpace_Compacts(int k)
    {
        var data = Enumerable.Range(0, k + 1).Select(i => (double)i).ToArray();
        var sketch = new KllSketch(k);

        sketch.Update(data.ToArray().AsSpan());

        var view = sketch.GetSortedView();
        Assert.Equal(k + 1, sketch.Count);
        Assert.True(sketch.RetainedCount <= (k / 2) + 1, $"retained {sketch.RetainedCount}: level 0 was compacted");
        Assert.Equal(k + 1, view.Sum(entry => entry.Weight));
        Assert.Contains(view, entry => entry.Weight == 2);
        Assert.Equal(0, sketch.Min);
        Assert.Equal(k, sketch.Max);
        SketchAssert.Summarizes(sketch, data);
    }

    [Fact]
    public void Update_SingleValueBatchIntoFullSketch_Compacts()
    {
        var sketch = new KllSketch(8);
        sketch.Update(new double[] { 8, 7, 6, 5, 4, 3, 2, 1 }.AsSpan());
        Assert.Equal(8, sketch.RetainedCount);

        sketch.Update(new double[] { 0 }.AsSpan());

        Assert.Equal(9, sketch.Count);
        Assert.True(sketch.RetainedCount < 9);
        Assert.Equal(9, sketch.GetSortedView().Sum(entry => entry.Weight));
        Assert.Equal(0, sketch.Min);
        Assert.Equal(8, sketch.Max);
    }

    [Fact]
    public void Update_OneHugeBatch_CompactsUpSeveralLevelsWithinBound()
    {
        // 200,000 values into an empty K=16 sketch: level 0 alone is thousands of times its capacity, so every
        // level the batch passes through is compacted in turn until the items fit.
        var data = SketchData.Normal(200_000, seed: 72);
        var sketch = new KllSketch(16);

        sketch.Update(data.ToArray().AsSpan());

        SketchAssert.Summarizes(sketch, data);
        int levels = sketch.ToBytes()[1];
        Assert.True(levels > 2, $"{levels} levels: the batch was compacted up several levels");
        Assert.InRange(sketch.RetainedCount, 1, KllLevels.TotalCapacity(16, levels));
        Assert.Equal(sketch.ToBytes(), KllSketch.FromBytes(sketch.ToBytes()).ToBytes());
    }

    [Property(MaxTest = 40)]
    public void MixingSingleUpdatesBatchesAndMerges_KeepsInvariants(int seed)
    {
        var random = new Random(seed);
        int k = new[] { 8, 32, 128, 200 }[random.Next(4)];
        var sketch = new KllSketch(k);
        var all = new List<double>();
        for (int step = 0; step < 20; step++)
        {
            var values = SketchData.OfKind(random.Next(5), random.Next(0, 1_500), seed + step);
            switch (random.Next(3))
            {
                case 0:
                    foreach (double value in values)
                    {
                        sketch.Update(value);
                    }

                    break;
                case 1:
                    sketch.Update(values.ToArray().AsSpan());
                    break;
                default:
                    var other = new KllSketch(k);
                    other.Update(values.ToArray().AsSpan());
                    other.Update(random.NextDouble());
                    values = [.. values, other.Max];
                    sketch.Merge(other);
                    break;
            }

            all.AddRange(values);

            // FromBytes checks the layout: weights sum to the count, upper levels sorted, items within [min, max],
            // retained items within the capacity.
            var restored = KllSketch.FromBytes(sketch.ToBytes());
            Assert.Equal(all.Count, restored.Count);
        }

        SketchAssert.Summarizes(sketch, [.. all]);
    }

    [Property(MaxTest = 30)]
    public void BatchBuiltSketch_RoundTripsThroughBytes(int seed, byte kind)
    {
        var random = new Random(seed);
        var sketch = BatchSketch(random.Next(8, 256), SketchData.OfKind(kind, random.Next(0, 30_000), seed), random.Next(1, 600));

        var restored = KllSketch.FromBytes(sketch.ToBytes());

        Assert.Equal(sketch.ToBytes(), restored.ToBytes());
        Assert.Equal(sketch.GetSortedView(), restored.GetSortedView());
        for (int i = 0; i <= 10; i++)
        {
            Assert.Equal(sketch.GetQuantile(i / 10.0), restored.GetQuantile(i / 10.0));
        }

        // Further batches evolve both identically: the coin state came along.
        var more = SketchData.Uniform(3_000, seed + 1);
        sketch.Update(more.ToArray().AsSpan());
        restored.Update(more.ToArray().AsSpan());
        Assert.Equal(sketch.ToBytes(), restored.ToBytes());
    }

    private static KllSketch BatchSketch(int k, double[] data, int batchSize)
    {
        var sketch = new KllSketch(k);
        var buffer = new double[batchSize];
        for (int offset = 0; offset < data.Length; offset += batchSize)
        {
            int size = Math.Min(batchSize, data.Length - offset);
            data.AsSpan(offset, size).CopyTo(buffer);
            sketch.Update(buffer.AsSpan(0, size));
        }

        return sketch;
    }
}
