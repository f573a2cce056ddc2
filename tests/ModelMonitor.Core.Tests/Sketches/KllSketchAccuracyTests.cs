using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Tests.Sketches;

public class KllSketchAccuracyTests
{
    private const int N = 100_000;

    public static TheoryData<string> Columns => ["uniform", "normal", "lognormal", "five values", "ascending", "descending", "constant"];

    [Theory]
    [MemberData(nameof(Columns))]
    public void RankError_OfOneHundredThousandValues_IsWithinNormalizedRankError(string column)
    {
        double[] data = column switch
        {
            "uniform" => SketchData.Uniform(N, seed: 11),
            "normal" => SketchData.Normal(N, seed: 12),
            "lognormal" => SketchData.LogNormal(N, seed: 13),
            "five values" => SketchData.FiveValues(N, seed: 14),
            "ascending" => SketchData.Ascending(N),
            "descending" => SketchData.Descending(N),
            "constant" => SketchData.Constant(N),
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
        var sketch = new KllSketch();
        foreach (double value in data)
        {
            sketch.Update(value);
        }

        var exact = new ExactQuantiles(data);
        double error = exact.MaxRankError(sketch.GetRank, sketch.GetQuantile);

        Assert.Equal(N, sketch.Count);
        Assert.Equal(data.Min(), sketch.Min);
        Assert.Equal(data.Max(), sketch.Max);
        Assert.True(sketch.RetainedCount < N / 100, $"retained {sketch.RetainedCount}: the sketch compacted");
        Assert.True(
            error <= sketch.NormalizedRankError,
            $"{column}: max rank error {error:F5} exceeds {sketch.NormalizedRankError:F5}");
    }

    [Fact]
    public void ConstantColumn_QuantilesAndRanksAreExact()
    {
        var sketch = new KllSketch();
        foreach (double value in SketchData.Constant(N))
        {
            sketch.Update(value);
        }

        Assert.Equal(42.0, sketch.GetQuantile(0.37));
        Assert.Equal(1.0, sketch.GetRank(42.0));
        Assert.Equal(0.0, sketch.GetRank(41.999));
        Assert.Equal([new WeightedValue(42.0, N)], sketch.GetSortedView());
    }

    [Fact]
    public void OneMillionUpdates_WithDefaultK_StayWithinMemoryBound()
    {
        var sketch = new KllSketch(200);
        var random = new Random(21);
        for (int i = 0; i < 1_000_000; i++)
        {
            sketch.Update(random.NextDouble());
        }

        int bytes = sketch.ToBytes().Length;

        // Capacity with 13 levels is 614 items (K·Σ(2/3)^d, at least 8 per level); 8 bytes each plus header and level sizes.
        Assert.Equal(1_000_000, sketch.Count);
        Assert.InRange(sketch.RetainedCount, 300, 650);
        Assert.InRange(bytes, 2_000, 5_400);
    }

    [Fact]
    public void RetainedCount_GrowsLogarithmically()
    {
        var sketch = new KllSketch(200);
        var retainedAt = new Dictionary<int, int>();
        for (int i = 1; i <= 1 << 20; i++)
        {
            sketch.Update(i % 7919);
            if ((i & (i - 1)) == 0 && i >= 1 << 12)
            {
                retainedAt[i] = sketch.RetainedCount;
            }
        }

        // Every doubling of the count adds about one small top level, never a multiple of K.
        Assert.All(retainedAt.Values, retained => Assert.InRange(retained, 200, 650));
        Assert.True(retainedAt[1 << 20] - retainedAt[1 << 12] < 200);
    }
}
