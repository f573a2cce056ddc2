using ModelMonitor.Core.Operations;

namespace ModelMonitor.Core.Tests.Operations;

/// <summary>
/// The tails the operational rules decide with, against scipy 1.10 (fixtures from
/// <c>scipy.stats.binom.sf(k - 1, n, p)</c>, <c>scipy.stats.poisson.cdf(x, lam)</c> and <c>scipy.stats.norm.isf(a)</c>).
/// </summary>
public class OperationalStatisticsTests
{
    [Theory]
    [InlineData(6, 166, 0.0095, 0.005373361843232557)]
    [InlineData(34, 570, 0.01, 3.361566777046103e-16)]
    [InlineData(12, 400, 0.01, 0.0008492846916503844)]
    [InlineData(1, 10, 0.2, 0.8926258176)]
    public void BinomialUpperTail_MatchesScipy(long k, long n, double p, double expected)
    {
        Assert.Equal(expected, ErrorRateRule.UpperTail(k, n, p), expected * 1e-9);
    }

    [Theory]
    [InlineData(0, 26.0, 5.109089028063332e-12)]
    [InlineData(0, 9.2, 0.00010103940183709342)]
    [InlineData(3, 30.5, 2.9657701965910577e-10)]
    public void PoissonLowerTail_MatchesScipy(double observed, double lambda, double expected)
    {
        Assert.Equal(expected, SilenceRule.LowerTail(observed, lambda), expected * 1e-9);
    }

    [Fact]
    public void Critical_MatchesScipyNormIsf()
    {
        Assert.Equal(3.090232306167813, QuantileShift.Critical(0.001), 1e-12);
    }
}
