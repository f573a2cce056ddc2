using System.Diagnostics;
using ModelMonitor.Core.Statistics;
using Xunit.Abstractions;

namespace ModelMonitor.Core.Tests.Statistics;

/// <summary>Two-sample KS against <c>scipy.stats.ks_2samp(method='auto')</c>: 1e-6 absolute on D and p.</summary>
public sealed class KolmogorovSmirnovGoldenTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData("ks_small.json", 32)]
    [InlineData("ks_switch.json", 8)]
    [InlineData("ks_very_large.json", 1)]
    [InlineData("ks_very_large_shift.json", 1)]
    public void TwoSample_MatchesScipy(string file, int minimumCases)
    {
        var fixture = GoldenFixture.Load<KsFile>(file, minimumCases);
        var d = new Deviation("D");
        var p = new Deviation("p");
        foreach (KsCase c in fixture.Cases)
        {
            var sw = Stopwatch.StartNew();
            KolmogorovSmirnovResult result = KolmogorovSmirnov.TwoSample(c.X, c.Y);
            sw.Stop();
            d.AssertAbsolute(c.Statistic, result.Statistic, Tolerance, c.Name);
            p.AssertAbsolute(c.Pvalue, result.PValue, Tolerance, c.Name);
            Assert.Equal(c.Method == "exact" ? KsPValueMethod.Exact : KsPValueMethod.Asymptotic, result.Method);
            output.WriteLine($"{c.Name}: D={result.Statistic:R} p={result.PValue:R} scipy p={c.Pvalue:R} ({sw.Elapsed.TotalMilliseconds:F1} ms)");
        }

        output.WriteLine(d.ToString());
        output.WriteLine(p.ToString());
    }

    [Fact]
    public void KolmogorovSurvival_MatchesScipyKstwoGrid()
    {
        var fixture = GoldenFixture.Load<KstwoFile>("kstwo_sf.json", minimumCases: 843);
        var sf = new Deviation("kstwo.sf");
        foreach (KstwoPoint point in fixture.Points)
        {
            double actual = KolmogorovDistribution.Survival(point.N, point.D);
            sf.AssertAbsolute(point.Sf, actual, 1e-9, $"n={point.N}, d={point.D:R}");
        }

        output.WriteLine(sf.ToString());
    }

    [Fact]
    public void PValue_ArbitraryStatistic_MatchesScipyDispatch()
    {
        var fixture = GoldenFixture.Load<KsPValueFile>("ks_pvalue_from_d.json", minimumCases: 76);
        var p = new Deviation("p(D)");
        foreach (KsPValuePoint point in fixture.Points)
        {
            double actual = KolmogorovSmirnov.PValue(point.D, point.N1, point.N2, out KsPValueMethod method);
            p.AssertAbsolute(point.Pvalue, actual, Tolerance, $"D={point.D:R}, n={point.N1}, m={point.N2}");
            Assert.Equal(point.Method == "exact" ? KsPValueMethod.Exact : KsPValueMethod.Asymptotic, method);
        }

        output.WriteLine(p.ToString());
    }

    [Fact]
    public void TwoSampleWeighted_MatchesExpandedSamplesAndNumpy()
    {
        var fixture = GoldenFixture.Load<KsWeightedFile>("ks_weighted.json", minimumCases: 6);
        var d = new Deviation("weighted D");
        var p = new Deviation("weighted p");
        foreach (KsWeightedCase c in fixture.Cases)
        {
            KolmogorovSmirnovResult result = KolmogorovSmirnov.TwoSampleWeighted(c.X, c.XWeights, c.Y, c.YWeights, c.N1, c.N2);
            d.AssertAbsolute(c.Statistic, result.Statistic, Tolerance, c.Name);
            p.AssertAbsolute(c.Pvalue, result.PValue, Tolerance, c.Name);
        }

        output.WriteLine(d.ToString());
        output.WriteLine(p.ToString());
    }

    public sealed class KsFile
    {
        public KsCase[] Cases { get; init; } = [];
    }

    public sealed class KsCase
    {
        public string Name { get; init; } = "";
        public double[] X { get; init; } = [];
        public double[] Y { get; init; } = [];
        public double Statistic { get; init; }
        public double Pvalue { get; init; }
        public string Method { get; init; } = "";
    }

    public sealed class KstwoFile
    {
        public KstwoPoint[] Points { get; init; } = [];
    }

    public sealed class KstwoPoint
    {
        public long N { get; init; }
        public double D { get; init; }
        public double Sf { get; init; }
    }

    public sealed class KsPValueFile
    {
        public KsPValuePoint[] Points { get; init; } = [];
    }

    public sealed class KsPValuePoint
    {
        public double D { get; init; }
        public long N1 { get; init; }
        public long N2 { get; init; }
        public double Pvalue { get; init; }
        public string Method { get; init; } = "";
    }

    public sealed class KsWeightedFile
    {
        public KsWeightedCase[] Cases { get; init; } = [];
    }

    public sealed class KsWeightedCase
    {
        public string Name { get; init; } = "";
        public double[] X { get; init; } = [];
        public double[] XWeights { get; init; } = [];
        public double[] Y { get; init; } = [];
        public double[] YWeights { get; init; } = [];
        public double Statistic { get; init; }
        public double Pvalue { get; init; }
        public long N1 { get; init; }
        public long N2 { get; init; }
    }
}
