using ModelMonitor.Core.Statistics;
using Xunit.Abstractions;

namespace ModelMonitor.Core.Tests.Statistics;

/// <summary>
/// Jensen–Shannon against <c>scipy.spatial.distance.jensenshannon</c>; PSI and KL against the NumPy transcription of the
/// documented 1e-4 floor policy; quantile bins against the NumPy transcription of the documented edges. 1e-9 relative
/// (1e-12 absolute where the expected value is exactly 0, since relative error is meaningless there).
/// </summary>
public sealed class DistanceGoldenTests(ITestOutputHelper output)
{
    [Fact]
    public void Distances_MatchScipyAndNumpy()
    {
        var fixture = GoldenFixture.Load<DistanceFile>("distances.json", minimumCases: 9);
        var js = new Deviation("jensen-shannon");
        var psi = new Deviation("psi");
        var kl = new Deviation("kl");
        foreach (DistanceCase c in fixture.Cases)
        {
            Check(js, c.JensenShannon, JensenShannon.Distance(c.Reference, c.Current), c.Name);
            Check(psi, c.Psi, PopulationStabilityIndex.Compute(c.Reference, c.Current, fixture.Epsilon), c.Name);
            Check(kl, c.KlReferenceCurrent, KullbackLeibler.Divergence(c.Reference, c.Current, fixture.Epsilon), c.Name);
            Check(kl, c.KlCurrentReference, KullbackLeibler.Divergence(c.Current, c.Reference, fixture.Epsilon), c.Name + " (reversed)");
        }

        output.WriteLine(js.ToString());
        output.WriteLine(psi.ToString());
        output.WriteLine(kl.ToString());
    }

    [Fact]
    public void QuantileBinning_MatchesNumpyTranscription()
    {
        var fixture = GoldenFixture.Load<BinningFile>("binning.json", minimumCases: 6);
        var psi = new Deviation("binned psi");
        var js = new Deviation("binned jensen-shannon");
        foreach (BinningCase c in fixture.Cases)
        {
            double[] sorted = [.. c.Reference];
            Array.Sort(sorted);
            double[] edges = QuantileBinning.ComputeEdges(sorted, c.Bins);
            Assert.Equal(c.Edges, edges);

            double[] weightedEdges = QuantileBinning.ComputeEdges(sorted, Enumerable.Repeat(1.0, sorted.Length).ToArray(), c.Bins);
            Assert.Equal(c.Edges, weightedEdges);

            var referenceProportions = new double[edges.Length + 1];
            var currentProportions = new double[edges.Length + 1];
            QuantileBinning.ComputeProportions(edges, c.Reference, referenceProportions);
            QuantileBinning.ComputeProportions(edges, c.Current, currentProportions);
            AssertClose(c.ReferenceProportions, referenceProportions, c.Name);
            AssertClose(c.CurrentProportions, currentProportions, c.Name);

            Check(psi, c.Psi, PopulationStabilityIndex.Compute(referenceProportions, currentProportions, fixture.Epsilon), c.Name);
            Check(js, c.JensenShannon, JensenShannon.Distance(referenceProportions, currentProportions), c.Name);
        }

        output.WriteLine(psi.ToString());
        output.WriteLine(js.ToString());
    }

    private static void Check(Deviation deviation, double expected, double actual, string name)
    {
        if (expected == 0)
        {
            deviation.AssertAbsolute(expected, actual, 1e-12, name);
        }
        else
        {
            deviation.AssertRelative(expected, actual, 1e-9, name);
        }
    }

    private static void AssertClose(double[] expected, double[] actual, string name)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-15, $"{name}: bin {i} expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    public sealed class DistanceFile
    {
        public double Epsilon { get; init; }
        public DistanceCase[] Cases { get; init; } = [];
    }

    public sealed class DistanceCase
    {
        public string Name { get; init; } = "";
        public double[] Reference { get; init; } = [];
        public double[] Current { get; init; } = [];
        public double JensenShannon { get; init; }
        public double Psi { get; init; }
        public double KlReferenceCurrent { get; init; }
        public double KlCurrentReference { get; init; }
    }

    public sealed class BinningFile
    {
        public double Epsilon { get; init; }
        public BinningCase[] Cases { get; init; } = [];
    }

    public sealed class BinningCase
    {
        public string Name { get; init; } = "";
        public double[] Reference { get; init; } = [];
        public double[] Current { get; init; } = [];
        public int Bins { get; init; }
        public double[] Edges { get; init; } = [];
        public double[] ReferenceProportions { get; init; } = [];
        public double[] CurrentProportions { get; init; } = [];
        public double Psi { get; init; }
        public double JensenShannon { get; init; }
    }
}
