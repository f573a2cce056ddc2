using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Tests.Sketches;

internal static class SketchAssert
{
    /// <summary>The sketch summarizes <paramref name="data"/>: exact count, weights, min and max; ranks within its bound.</summary>
    public static void Summarizes(KllSketch sketch, double[] data)
    {
        Assert.Equal(data.Length, sketch.Count);
        Assert.Equal(sketch.Count, sketch.GetSortedView().Sum(entry => entry.Weight));
        if (data.Length == 0)
        {
            Assert.True(sketch.IsEmpty);
            return;
        }

        Assert.Equal(data.Min(), sketch.Min);
        Assert.Equal(data.Max(), sketch.Max);
        double error = new ExactQuantiles(data).MaxRankError(sketch.GetRank, sketch.GetQuantile);
        Assert.True(
            error <= sketch.NormalizedRankError,
            $"max rank error {error:F5} exceeds {sketch.NormalizedRankError:F5} (K={sketch.K}, n={sketch.Count})");
    }
}
