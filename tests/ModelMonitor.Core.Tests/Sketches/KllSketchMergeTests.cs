using FsCheck;
using FsCheck.Xunit;
using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Tests.Sketches;

/// <summary>
/// Merge laws. KLL merges are randomized, so merge(A,B) and merge(B,A) are different sketches: the laws hold for
/// the exact parts (count, min, max) and, for quantiles, as "each side is within the rank error of the exact union".
/// </summary>
public class KllSketchMergeTests
{
    private static readonly int[] Ks = [16, 64, 200];

    [Property(MaxTest = 40)]
    public void Merge_IsCommutative(int seed, byte kindA, byte kindB)
    {
        var random = new Random(seed);
        int k = Ks[random.Next(Ks.Length)];
        var a = SketchData.OfKind(kindA, random.Next(0, 15_000), seed);
        var b = SketchData.OfKind(kindB, random.Next(0, 15_000), seed + 1);

        var ab = Sketch(k, a);
        ab.Merge(Sketch(k, b));
        var ba = Sketch(k, b);
        ba.Merge(Sketch(k, a));

        SketchAssert.Summarizes(ab, [.. a, .. b]);
        SketchAssert.Summarizes(ba, [.. a, .. b]);
    }

    [Property(MaxTest = 40)]
    public void Merge_IsAssociative(int seed, byte kindA, byte kindB, byte kindC)
    {
        var random = new Random(seed);
        int k = Ks[random.Next(Ks.Length)];
        var a = SketchData.OfKind(kindA, random.Next(0, 10_000), seed);
        var b = SketchData.OfKind(kindB, random.Next(0, 10_000), seed + 1);
        var c = SketchData.OfKind(kindC, random.Next(0, 10_000), seed + 2);

        var left = Sketch(k, a);
        left.Merge(Sketch(k, b));
        left.Merge(Sketch(k, c));
        var bc = Sketch(k, b);
        bc.Merge(Sketch(k, c));
        var right = Sketch(k, a);
        right.Merge(bc);

        SketchAssert.Summarizes(left, [.. a, .. b, .. c]);
        SketchAssert.Summarizes(right, [.. a, .. b, .. c]);
    }

    [Property(MaxTest = 40)]
    public void MergedSketchesOfTheParts_SummarizeTheWhole(int seed, byte kind, PositiveInt parts)
    {
        var random = new Random(seed);
        int k = Ks[random.Next(Ks.Length)];
        var whole = SketchData.OfKind(kind, random.Next(1, 40_000), seed);
        var pieces = SketchData.Split(whole, 1 + (parts.Get % 30), random);

        // Merge in a random tree shape: repeatedly merge two random sketches of the remaining ones.
        var sketches = pieces.Select(piece => Sketch(k, piece)).ToList();
        while (sketches.Count > 1)
        {
            int i = random.Next(sketches.Count);
            var target = sketches[i];
            sketches.RemoveAt(i);
            int j = random.Next(sketches.Count);
            target.Merge(sketches[j]);
            sketches[j] = target;
        }

        var merged = sketches[0];
        var direct = Sketch(k, whole);

        Assert.Equal(direct.Count, merged.Count);
        Assert.Equal(direct.Min, merged.Min);
        Assert.Equal(direct.Max, merged.Max);
        SketchAssert.Summarizes(merged, whole);
        SketchAssert.Summarizes(direct, whole);
    }

    [Fact]
    public void MergingManySmallSketches_StaysWithinBoundAndMemory()
    {
        // The window-summary pattern: 400 windows of 250 values, each compacted only once or twice, merged one by one.
        var whole = SketchData.Uniform(100_000, seed: 41);
        var merged = new KllSketch();
        for (int window = 0; window < 400; window++)
        {
            merged.Merge(Sketch(KllSketch.DefaultK, whole[(window * 250)..((window + 1) * 250)]));
        }

        SketchAssert.Summarizes(merged, whole);
        Assert.InRange(merged.RetainedCount, 1, 650);
    }

    [Fact]
    public void MergingSketchesOfDifferentSizes_KeepsCapacityBound()
    {
        var largeData = SketchData.Normal(500_000, seed: 51);
        var smallData = SketchData.Uniform(300, seed: 52);
        var mediumData = SketchData.LogNormal(20_000, seed: 53);
        var large = Sketch(200, largeData);
        var small = Sketch(200, smallData);

        small.Merge(large);
        small.Merge(Sketch(200, mediumData));
        large.Merge(Sketch(200, smallData));

        SketchAssert.Summarizes(small, [.. smallData, .. largeData, .. mediumData]);
        SketchAssert.Summarizes(large, [.. largeData, .. smallData]);
        Assert.InRange(small.RetainedCount, 1, 650);
        Assert.InRange(large.RetainedCount, 1, 650);
    }

    private static KllSketch Sketch(int k, IEnumerable<double> data)
    {
        var sketch = new KllSketch(k);
        foreach (double value in data)
        {
            sketch.Update(value);
        }

        return sketch;
    }
}
