using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Tests.Statistics;

/// <summary>
/// Hand-checked values from printed tables, independent of SciPy. Tables give 3–4 significant digits, hence the
/// loose tolerances.
/// </summary>
public sealed class PublishedTableTests
{
    [Theory]
    [InlineData(3.841, 1, 0.05)]
    [InlineData(5.991, 2, 0.05)]
    [InlineData(9.488, 4, 0.05)]
    [InlineData(18.307, 10, 0.05)]
    [InlineData(6.635, 1, 0.01)]
    public void ChiSquareSurvival_AtTableCriticalValue_IsAlpha(double critical, int dof, double alpha) =>
        Assert.Equal(alpha, ChiSquareTest.ChiSquareSurvival(critical, dof), 1e-4);

    [Fact]
    public void StandardNormal_TwoSidedFivePercent_Is1Point96()
    {
        Assert.Equal(0.05, StandardNormal.TwoSidedPValue(1.959964), 1e-6);
        Assert.Equal(1.959964, StandardNormal.UpperQuantile(0.025), 1e-6);
    }

    /// <summary>
    /// Two-sample KS large-sample critical values D = c(α)·√((n+m)/(n·m)) with c = 1.224, 1.358, 1.628 for
    /// α = 0.10, 0.05, 0.01. ks_2samp uses the finite-n distribution, ~0.5% below the limit at n·m/(n+m) = 25,000.
    /// </summary>
    [Theory]
    [InlineData(1.224, 0.10)]
    [InlineData(1.358, 0.05)]
    [InlineData(1.628, 0.01)]
    public void KolmogorovSmirnov_AsymptoticCriticalCoefficient_GivesAlpha(double c, double alpha)
    {
        const long n = 50_000;
        double d = c * Math.Sqrt(2.0 / n);
        double p = KolmogorovSmirnov.PValue(d, n, n, out KsPValueMethod method);
        Assert.Equal(KsPValueMethod.Asymptotic, method);
        Assert.Equal(alpha, p, 1e-3);
    }

    /// <summary>Newcombe (1998), Statistics in Medicine 17:857–872, Table I, example 81/263 at 95%.</summary>
    [Fact]
    public void ProportionIntervals_Newcombe81Of263()
    {
        ConfidenceInterval wilson = ProportionConfidenceInterval.Wilson(81, 263);
        ConfidenceInterval wald = ProportionConfidenceInterval.Wald(81, 263);
        Assert.Equal(0.2553, wilson.Lower, 5e-5);
        Assert.Equal(0.3662, wilson.Upper, 5e-5);
        Assert.Equal(0.2522, wald.Lower, 5e-5);
        Assert.Equal(0.3638, wald.Upper, 5e-5);
    }
}
