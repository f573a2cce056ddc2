using MathNet.Numerics.Distributions;
using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Tests.Statistics;

public class DriftEvaluatorSignificanceTests
{
    // Evenly spaced normal quantiles: a noise-free sample of N(0, 1).
    private static double[] NormalSample(int n, double shift) =>
        [.. Enumerable.Range(0, n).Select(i => Normal.InvCDF(0, 1, (i + 0.5) / n) + shift)];

    private static FeatureDriftResult Evaluate(double shift, int currentSize, bool requireSignificance)
    {
        var policy = new DriftPolicy(new FeatureDriftPolicy(requireSignificantDistance: requireSignificance));
        var input = FeatureDriftInput.Numeric("x", NormalSample(5000, 0), NormalSample(currentSize, shift));
        return DriftEvaluator.Evaluate([input], policy).Features.Single();
    }

    [Fact]
    public void DistanceOverThreshold_ThatTheTestCannotTellFromNoise_IsNotDrift()
    {
        var guarded = Evaluate(shift: 0.12, currentSize: 100, requireSignificance: true);
        var unguarded = Evaluate(shift: 0.12, currentSize: 100, requireSignificance: false);

        Assert.Equal(DriftMethod.Wasserstein, guarded.Method);
        Assert.True(guarded.Score >= 0.1, $"normalized Wasserstein {guarded.Score}");
        Assert.True(guarded.PValue > 0.05, $"KS p-value {guarded.PValue}");
        Assert.Equal(DriftStatus.NoDrift, guarded.Status);
        Assert.Equal(DriftStatus.Drifted, unguarded.Status);
    }

    [Fact]
    public void DistanceOverThreshold_AndSignificant_IsDrift()
    {
        var result = Evaluate(shift: 0.5, currentSize: 2000, requireSignificance: true);

        Assert.Equal(DriftStatus.Drifted, result.Status);
        Assert.True(result.PValue < 1e-6);
    }

    [Fact]
    public void DistanceUnderThreshold_IsNotDrift_EvenWhenSignificant()
    {
        // Large samples make a 0.05σ shift significant; the effect size keeps it below the threshold.
        var result = Evaluate(shift: 0.05, currentSize: 5000, requireSignificance: true);

        Assert.Equal(DriftStatus.NoDrift, result.Status);
        Assert.True(result.Score < 0.1);
    }
}
