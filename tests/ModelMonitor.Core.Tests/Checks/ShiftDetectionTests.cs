using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Checks;

/// <summary>
/// Sudden and gradual shifts against the pinned reference and a trailing baseline (the same hour a day earlier):
/// the evidence of each alert says which comparison found it.
/// </summary>
public sealed class ShiftDetectionTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SlowTrend_AbsorbedByTheTrailingBaseline_StillFiresAgainstThePinnedReference()
    {
        // The mean of "score" moves by one standard deviation over 15 days: 0.067 sd a day, invisible day over day.
        (List<CheckResult> results, _) = Run(15 * 24, hour => hour / (15.0 * 24));

        List<MonitorAlert> drift = [.. results.SelectMany(r => r.Alerts).Where(a => a.Kind == AlertKind.FeatureDrift && a.Feature == "score")];
        Assert.NotEmpty(drift);
        Assert.All(drift, a => Assert.Equal(1, a.Evidence["vsReference"]));

        // The first alert is the pinned reference's alone; later the day-old baseline agrees only by chance now and then.
        Assert.Equal(0, drift[0].Evidence["vsTrailing"]);
        int trailingToo = drift.Count(a => a.Evidence["vsTrailing"] == 1);
        Assert.True(trailingToo * 10 < drift.Count, $"{trailingToo} of {drift.Count} alerts were also found day over day.");
    }

    [Fact]
    public void SuddenShift_FiresWithinTwoWindows_AgainstBothBaselines()
    {
        const int ShiftHour = 48;
        (List<CheckResult> results, _) = Run(ShiftHour + 4, hour => hour >= ShiftHour ? 1.0 : 0.0);

        Assert.DoesNotContain(results.Take(ShiftHour).SelectMany(r => r.Alerts), a => a.Feature == "score");
        MonitorAlert first = results.Skip(ShiftHour).SelectMany(r => r.Alerts).First(a => a.Kind == AlertKind.FeatureDrift && a.Feature == "score");
        Assert.True(first.WindowStart <= Start.AddHours(ShiftHour + 1));
        Assert.Equal(1, first.Evidence["vsReference"]);
        Assert.Equal(1, first.Evidence["vsTrailing"]);
    }

    private static (List<CheckResult> Results, WindowSummary Reference) Run(int hours, Func<int, double> shift)
    {
        var random = new Random(7);
        WindowSummary reference = Window(random, 1_000, Start.AddDays(-1), 0);
        var windows = new List<WindowSummary>();
        var results = new List<CheckResult>();
        var history = new List<IReadOnlySet<string>?>();
        for (int hour = 0; hour < hours; hour++)
        {
            WindowSummary current = Window(random, 300, Start.AddHours(hour), shift(hour));
            WindowSummary? trailing = hour >= 24 ? windows[hour - 24] : null;
            CheckResult result = CheckEvaluator.Evaluate(reference, trailing, current, CheckPolicy.Default, history);
            results.Add(result);
            windows.Add(current);
            history.Insert(0, result.Conditions.Select(AlertPersistence.ConditionKey).ToHashSet(StringComparer.Ordinal));
        }

        return (results, reference);
    }

    private static WindowSummary Window(Random random, int rows, DateTimeOffset start, double shift)
    {
        double[] score = [.. Enumerable.Range(0, rows).Select(_ => shift + FalseAlarmRateTests.Gaussian(random))];
        double[] other = [.. Enumerable.Range(0, rows).Select(_ => FalseAlarmRateTests.Gaussian(random))];
        return SummaryBuilder.FromColumns([Column.Numeric("score", score), Column.Numeric("other", other)], "m", "1", start, start.AddHours(1));
    }
}
