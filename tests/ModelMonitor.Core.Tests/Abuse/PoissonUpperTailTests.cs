using ModelMonitor.Core.Abuse;

namespace ModelMonitor.Core.Tests.Abuse;

public class PoissonUpperTailTests
{
    // scipy 1.10.1: scipy.stats.poisson.sf(k - 1, lam), i.e. P(X >= k).
    [Theory]
    [InlineData(10, 1.0, 1.1142547833872071e-07)]
    [InlineData(100, 20.0, 3.488878669689553e-37)]
    [InlineData(60, 50.0, 0.09226505195893298)]
    [InlineData(5, 5.0, 0.5595067149347879)]
    [InlineData(372, 37.0, 9.519539781333834e-230)]
    public void PoissonUpperTail_MatchesScipy(long k, double lambda, double expected)
    {
        double actual = CallerAbuseChecks.PoissonUpperTail(k, lambda);

        Assert.Equal(expected, actual, expected * 1e-9);
    }

    [Fact]
    public void PoissonUpperTail_ZeroRequests_IsCertain() => Assert.Equal(1.0, CallerAbuseChecks.PoissonUpperTail(0, 3.0));
}
