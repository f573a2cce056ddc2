using ModelMonitor.Core.Statistics;
using Xunit.Abstractions;

namespace ModelMonitor.Core.Tests.Statistics;

/// <summary>Against <c>scipy.stats.chi2_contingency(correction=False)</c>: 1e-9 relative on statistic and p.</summary>
public sealed class ChiSquareTestGoldenTests(ITestOutputHelper output)
{
    [Fact]
    public void Homogeneity_MatchesScipy()
    {
        var fixture = GoldenFixture.Load<File>("chi2.json", minimumCases: 14);
        var statistic = new Deviation("chi2 statistic");
        var p = new Deviation("chi2 p");
        foreach (Case c in fixture.Cases)
        {
            ChiSquareResult result = ChiSquareTest.Homogeneity(c.Reference, c.Current);
            Assert.Equal(c.Dof, result.DegreesOfFreedom);
            statistic.AssertRelative(c.Statistic, result.Statistic, 1e-9, c.Name);
            p.AssertRelative(c.Pvalue, result.PValue, 1e-9, c.Name);
            output.WriteLine($"{c.Name}: chi2={result.Statistic:R} dof={result.DegreesOfFreedom} p={result.PValue:R} scipy p={c.Pvalue:R}");
        }

        output.WriteLine(statistic.ToString());
        output.WriteLine(p.ToString());
    }

    public sealed class File
    {
        public Case[] Cases { get; init; } = [];
    }

    public sealed class Case
    {
        public string Name { get; init; } = "";
        public double[] Reference { get; init; } = [];
        public double[] Current { get; init; } = [];
        public double Statistic { get; init; }
        public int Dof { get; init; }
        public double Pvalue { get; init; }
    }
}
