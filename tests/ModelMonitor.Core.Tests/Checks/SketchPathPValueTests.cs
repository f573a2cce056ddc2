using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Tests.Checks;

public class SketchPathPValueTests
{
    private static Column Values(string name, int n, double shift) =>
        Column.Numeric(name, [.. Enumerable.Range(0, n).Select(i => (i % 997 / 997.0) + shift)]);

    [Fact]
    public void DistanceRegime_PValueOnlyWhereTheGuardNeededIt()
    {
        var reference = SummaryBuilder.FromColumns([Values("same", 5000, 0), Values("moved", 5000, 0)]);
        var current = SummaryBuilder.FromColumns([Values("same", 3000, 0), Values("moved", 3000, 0.5)]);

        var report = DriftReports.FromSummaries(reference, current, new DriftPolicy());

        var same = report.Features.Single(f => f.Name == "same");
        var moved = report.Features.Single(f => f.Name == "moved");
        Assert.Equal(DriftMethod.Wasserstein, same.Method);
        Assert.NotNull(same.Ks);
        Assert.Null(same.Ks!.PValue);
        Assert.True(moved.Drifted);
        Assert.NotNull(moved.Ks!.PValue);
        Assert.True(moved.Ks.PValue < 1e-6);
    }

    [Fact]
    public void TestRegime_AlwaysReportsThePValue()
    {
        var reference = SummaryBuilder.FromColumns([Values("x", 800, 0)]);
        var current = SummaryBuilder.FromColumns([Values("x", 800, 0.01)]);

        var x = DriftReports.FromSummaries(reference, current, new DriftPolicy()).Features.Single();

        Assert.Equal(DriftMethod.KolmogorovSmirnov, x.Method);
        Assert.NotNull(x.Ks!.PValue);
    }
}
