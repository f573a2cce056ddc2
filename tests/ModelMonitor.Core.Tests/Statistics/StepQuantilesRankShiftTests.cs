using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Tests.Statistics;

public class StepQuantilesRankShiftTests
{
    private static readonly double[] Values = [.. Enumerable.Range(0, 200).Select(i => (double)i)];
    private static readonly double[] Weights = [.. Enumerable.Range(0, 200).Select(i => 1.0 + (i % 3))];

    [Fact]
    public void ZeroShift_KeepsTheQuantileFunction()
    {
        var q = StepQuantiles.Of(Values, Weights, "q");

        var shifted = q.RankShifted(0, 0.03);

        Assert.Equal(q.Mean(), shifted.Mean(), 12);
        Assert.Equal(0.0, StepQuantiles.Integrate(q, shifted, 0, 1).AbsoluteDifference, 12);
    }

    [Fact]
    public void PositiveShift_ReadsHigherValuesInTheBody_AndKeepsTheExtremes()
    {
        var q = StepQuantiles.Of(Values, Weights, "q");

        var up = q.RankShifted(0.01, 0.03);
        var down = q.RankShifted(-0.01, 0.03);

        Assert.True(up.Mean() > q.Mean() && q.Mean() > down.Mean());
        Assert.True(up.At(0.5) >= q.At(0.51) - 1 && up.At(0.5) > q.At(0.5));
        Assert.Equal(q.At(0), up.At(0));
        Assert.Equal(q.At(1), up.At(1));
    }

    [Theory]
    [InlineData(0.03, 0.03)]
    [InlineData(-0.05, 0.03)]
    [InlineData(0.0, 0.0)]
    public void ShiftAsLargeAsItsRamp_Throws(double delta, double ramp)
    {
        var q = StepQuantiles.Of(Values, Weights, "q");
        Assert.Throws<ArgumentOutOfRangeException>(() => q.RankShifted(delta, ramp));
    }
}
