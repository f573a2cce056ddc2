using ModelMonitor.Core.Statistics;
using Xunit.Abstractions;

namespace ModelMonitor.Core.Tests.Statistics;

/// <summary>Against <c>scipy.stats.wasserstein_distance</c> and <c>numpy.std</c>: 1e-9 relative.</summary>
public sealed class WassersteinGoldenTests(ITestOutputHelper output)
{
    [Fact]
    public void Compute_MatchesScipy()
    {
        var fixture = GoldenFixture.Load<File>("wasserstein.json", minimumCases: 11);
        var w = new Deviation("wasserstein");
        var std = new Deviation("reference std");
        var normalized = new Deviation("normalized wasserstein");
        foreach (Case c in fixture.Cases)
        {
            double distance = WassersteinDistance.Compute(c.U, c.UWeights ?? [], c.V, c.VWeights ?? []);
            double sigma = WassersteinDistance.StandardDeviation(c.U, c.UWeights ?? []);
            CheckRelativeOrZero(w, c.Distance, distance, c.Name);
            CheckRelativeOrZero(std, c.ReferenceStd, sigma, c.Name);
            CheckRelativeOrZero(normalized, c.Normalized, WassersteinDistance.Normalize(distance, sigma, fixture.StdFloor), c.Name);

            // The sorted (sketch) entry point must agree with the unsorted one.
            (double[] su, double[] suw) = SortWithWeights(c.U, c.UWeights);
            (double[] sv, double[] svw) = SortWithWeights(c.V, c.VWeights);
            CheckRelativeOrZero(w, c.Distance, WassersteinDistance.ComputeSorted(su, suw, sv, svw), c.Name + " (sorted)");
        }

        output.WriteLine(w.ToString());
        output.WriteLine(std.ToString());
        output.WriteLine(normalized.ToString());
    }

    private static (double[] Values, double[] Weights) SortWithWeights(double[] values, double[]? weights)
    {
        double[] v = [.. values];
        double[] w = weights is null ? Enumerable.Repeat(1.0, v.Length).ToArray() : [.. weights];
        Array.Sort(v, w);
        return (v, w);
    }

    private static void CheckRelativeOrZero(Deviation deviation, double expected, double actual, string name)
    {
        if (expected == 0)
        {
            deviation.AssertAbsolute(0, actual, 1e-15, name);
        }
        else
        {
            deviation.AssertRelative(expected, actual, 1e-9, name);
        }
    }

    public sealed class File
    {
        public double StdFloor { get; init; }
        public Case[] Cases { get; init; } = [];
    }

    public sealed class Case
    {
        public string Name { get; init; } = "";
        public double[] U { get; init; } = [];
        public double[] V { get; init; } = [];
        public double[]? UWeights { get; init; }
        public double[]? VWeights { get; init; }
        public double Distance { get; init; }
        public double ReferenceStd { get; init; }
        public double Normalized { get; init; }
    }
}
