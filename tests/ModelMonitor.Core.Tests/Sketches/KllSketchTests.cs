using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Tests.Sketches;

public class KllSketchTests
{
    [Fact]
    public void EmptySketch_ReportsNaNAndZeroCount()
    {
        var sketch = new KllSketch();

        Assert.True(sketch.IsEmpty);
        Assert.Equal(0, sketch.Count);
        Assert.Equal(0, sketch.RetainedCount);
        Assert.True(double.IsNaN(sketch.Min));
        Assert.True(double.IsNaN(sketch.Max));
        Assert.True(double.IsNaN(sketch.GetQuantile(0.5)));
        Assert.True(double.IsNaN(sketch.GetRank(1.0)));
        Assert.Empty(sketch.GetSortedView());
    }

    [Theory]
    [InlineData(7)]
    [InlineData(65536)]
    public void Constructor_KOutOfRange_Throws(int k) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new KllSketch(k));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Update_NonFiniteValue_ThrowsAndLeavesSketchUnchanged(double value)
    {
        var sketch = new KllSketch();
        sketch.Update(1.0);

        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Update(value));
        Assert.Equal(1, sketch.Count);
        Assert.Equal(1.0, sketch.Max);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void GetQuantile_RankOutsideUnitInterval_Throws(double rank)
    {
        var sketch = new KllSketch();
        sketch.Update(1.0);

        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.GetQuantile(rank));
    }

    [Fact]
    public void FewerValuesThanK_AnswersAreExact()
    {
        double[] data = [5, 1, 4, 1, 3, 9, 2, 6];
        var sketch = new KllSketch();
        foreach (double value in data)
        {
            sketch.Update(value);
        }

        Assert.Equal(8, sketch.Count);
        Assert.Equal(1, sketch.Min);
        Assert.Equal(9, sketch.Max);
        Assert.Equal(1, sketch.GetQuantile(0.25));   // 2 of 8 values are ≤ 1
        Assert.Equal(3, sketch.GetQuantile(0.5));    // 4 of 8 are ≤ 3
        Assert.Equal(6, sketch.GetQuantile(0.8));    // first value with rank ≥ 0.8 (7/8)
        Assert.Equal(0.25, sketch.GetRank(1.0));
        Assert.Equal(0.5, sketch.GetRank(3.5));
        Assert.Equal(0.0, sketch.GetRank(0.0));
        Assert.Equal(1.0, sketch.GetRank(9.0));
        Assert.Equal(
            [new(1, 2), new(2, 1), new(3, 1), new(4, 1), new(5, 1), new(6, 1), new(9, 1)],
            sketch.GetSortedView());
    }

    [Fact]
    public void GetQuantile_RankTimesCountRoundsAboveInteger_ReturnsItemAtThatRank()
    {
        // 0.7 * 10 evaluates to 7.000000000000001; the 7th value must come back, not the 8th.
        var sketch = new KllSketch();
        for (int i = 1; i <= 10; i++)
        {
            sketch.Update(i);
        }

        Assert.Equal(7, sketch.GetQuantile(0.7));
    }

    [Fact]
    public void GetQuantile_EndRanks_ReturnExactMinAndMaxAfterCompaction()
    {
        var sketch = new KllSketch(8);
        foreach (double value in SketchData.Uniform(10_000, seed: 3))
        {
            sketch.Update(value);
        }

        sketch.Update(-5.0);
        sketch.Update(7.0);

        Assert.True(sketch.RetainedCount < 100, "the sketch has compacted");
        Assert.Equal(-5.0, sketch.GetQuantile(0.0));
        Assert.Equal(7.0, sketch.GetQuantile(1.0));
        Assert.Equal(-5.0, sketch.Min);
        Assert.Equal(7.0, sketch.Max);
        Assert.Equal(1.0, sketch.GetRank(7.0));
        Assert.Equal(0.0, sketch.GetRank(-5.000001));
    }

    [Fact]
    public void GetSortedView_AfterCompaction_IsStrictlyIncreasingWithWeightsSummingToCount()
    {
        var sketch = new KllSketch(16);
        foreach (double value in SketchData.FiveValues(5_000, seed: 1).Concat(SketchData.Normal(50_000, seed: 2)))
        {
            sketch.Update(value);
        }

        var view = sketch.GetSortedView();

        Assert.Equal(sketch.Count, view.Sum(entry => entry.Weight));
        Assert.All(view.Zip(view.Skip(1)), pair => Assert.True(pair.First.Value < pair.Second.Value));
        Assert.All(view, entry => Assert.InRange(entry.Value, sketch.Min, sketch.Max));
        Assert.True(view.Count <= sketch.RetainedCount);
    }

    [Fact]
    public void GetSortedView_CannotBeModifiedThroughCast()
    {
        var sketch = new KllSketch();
        sketch.Update(1.0);

        var view = sketch.GetSortedView();

        Assert.False(view is WeightedValue[]);
        Assert.Throws<NotSupportedException>(() => ((IList<WeightedValue>)view)[0] = new WeightedValue(99.0, 1));
    }

    [Fact]
    public void Queries_AfterFurtherUpdates_SeeTheNewValues()
    {
        var sketch = new KllSketch();
        sketch.Update(1.0);
        Assert.Equal(1.0, sketch.GetRank(1.0));

        sketch.Update(2.0);

        Assert.Equal(0.5, sketch.GetRank(1.0));
        Assert.Equal(2, sketch.GetSortedView().Count);
    }

    [Fact]
    public void Update_InSteadyState_AllocatesOnlyWhenALevelIsAdded()
    {
        var sketch = new KllSketch();
        var values = SketchData.Uniform(300_000, seed: 8);
        for (int i = 0; i < 200_000; i++)
        {
            sketch.Update(values[i]);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 200_000; i < values.Length; i++)
        {
            sketch.Update(values[i]);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 100,000 updates add at most one level (one items array of ~5 KB and a levels array);
        // a per-update allocation would cost megabytes.
        Assert.InRange(allocated, 0, 8 * 1024);
    }

    [Fact]
    public void NormalizedRankError_DefaultK_MatchesDataSketchesSingleSidedFormula()
    {
        var sketch = new KllSketch();

        // DataSketches documents 1.33% single-sided rank error for K = 200.
        Assert.Equal(2.296 / Math.Pow(200, 0.9723), sketch.NormalizedRankError, 12);
        Assert.Equal(0.0133, sketch.NormalizedRankError, 4);
        Assert.True(new KllSketch(400).NormalizedRankError < sketch.NormalizedRankError);
    }

    [Fact]
    public void Clone_IsIndependentOfTheOriginal()
    {
        var sketch = new KllSketch(8);
        foreach (double value in SketchData.Uniform(1_000, seed: 9))
        {
            sketch.Update(value);
        }

        var clone = sketch.Clone();
        var before = sketch.ToBytes();
        for (int i = 0; i < 1_000; i++)
        {
            clone.Update(10.0 + i);
        }

        Assert.Equal(before, sketch.ToBytes());
        Assert.Equal(2_000, clone.Count);
    }

    [Fact]
    public void Merge_DifferentK_Throws()
    {
        var sketch = new KllSketch(200);
        var other = new KllSketch(100);
        other.Update(1.0);

        Assert.Throws<ArgumentException>(() => sketch.Merge(other));
    }

    [Fact]
    public void Merge_EmptyOther_IsNoOp()
    {
        var sketch = new KllSketch(8);
        foreach (double value in SketchData.Uniform(500, seed: 4))
        {
            sketch.Update(value);
        }

        var before = sketch.ToBytes();

        sketch.Merge(new KllSketch(8));

        Assert.Equal(before, sketch.ToBytes());
    }

    [Fact]
    public void Merge_IntoEmpty_CopiesOther()
    {
        var other = new KllSketch(8);
        foreach (double value in SketchData.Normal(500, seed: 5))
        {
            other.Update(value);
        }

        var sketch = new KllSketch(8);
        sketch.Merge(other);

        Assert.Equal(other.ToBytes(), sketch.ToBytes());
    }

    [Fact]
    public void Merge_Itself_DoublesEveryWeight()
    {
        var sketch = new KllSketch();
        foreach (double value in new double[] { 3, 1, 2 })
        {
            sketch.Update(value);
        }

        sketch.Merge(sketch);

        Assert.Equal(6, sketch.Count);
        Assert.Equal([new(1, 2), new(2, 2), new(3, 2)], sketch.GetSortedView());
    }

    [Fact]
    public void Merge_LeavesOtherUnchanged()
    {
        var sketch = new KllSketch(8);
        var other = new KllSketch(8);
        foreach (double value in SketchData.Uniform(2_000, seed: 6))
        {
            sketch.Update(value);
            other.Update(value * 2);
        }

        var otherBefore = other.ToBytes();

        sketch.Merge(other);

        Assert.Equal(otherBefore, other.ToBytes());
        Assert.Equal(4_000, sketch.Count);
    }
}
