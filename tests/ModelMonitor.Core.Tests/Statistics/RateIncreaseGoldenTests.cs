using ModelMonitor.Core.Statistics;
using Xunit.Abstractions;

namespace ModelMonitor.Core.Tests.Statistics;

/// <summary>
/// The exact rate-increase tests against SciPy (Fixtures/generate_rate_fixtures.py): fisher_exact and binomtest with
/// alternative='greater', including zero counts, all counts, tiny and empty samples; 1e-9 relative.
/// </summary>
public sealed class RateIncreaseGoldenTests(ITestOutputHelper output)
{
    [Fact]
    public void FisherGreater_MatchesScipyFisherExact()
    {
        var fixture = GoldenFixture.Load<RateFile>("rate_increase.json", 43);
        var deviation = new Deviation("fisher");
        foreach (FisherCase c in fixture.Fisher)
        {
            double p = RateIncreaseTest.FisherGreater(c.ReferenceSuccesses, c.ReferenceTotal, c.CurrentSuccesses, c.CurrentTotal);
            deviation.AssertRelative(c.Pvalue, p, 1e-9, $"{c.ReferenceSuccesses}/{c.ReferenceTotal} vs {c.CurrentSuccesses}/{c.CurrentTotal}");
        }

        output.WriteLine(deviation.ToString());
    }

    [Fact]
    public void BinomialGreater_MatchesScipyBinomtest()
    {
        var fixture = GoldenFixture.Load<RateFile>("rate_increase.json", 43);
        var deviation = new Deviation("binomial");
        foreach (BinomialCase c in fixture.Binomial)
        {
            double p = RateIncreaseTest.BinomialGreater(c.Successes, c.Trials, c.Rate);
            deviation.AssertRelative(c.Pvalue, p, 1e-9, $"{c.Successes}/{c.Trials} vs {c.Rate}");
        }

        output.WriteLine(deviation.ToString());
    }

    [Theory]
    [InlineData(-1, 10, 0, 10)]
    [InlineData(11, 10, 0, 10)]
    [InlineData(0, 10, 5, 4)]
    public void FisherGreater_ImpossibleCounts_Throw(long kr, long nr, long kc, long nc) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RateIncreaseTest.FisherGreater(kr, nr, kc, nc));

    public sealed class RateFile
    {
        public FisherCase[] Fisher { get; init; } = [];

        public BinomialCase[] Binomial { get; init; } = [];
    }

    public sealed class FisherCase
    {
        public long ReferenceSuccesses { get; init; }

        public long ReferenceTotal { get; init; }

        public long CurrentSuccesses { get; init; }

        public long CurrentTotal { get; init; }

        public double Pvalue { get; init; }
    }

    public sealed class BinomialCase
    {
        public long Successes { get; init; }

        public long Trials { get; init; }

        public double Rate { get; init; }

        public double Pvalue { get; init; }
    }
}
