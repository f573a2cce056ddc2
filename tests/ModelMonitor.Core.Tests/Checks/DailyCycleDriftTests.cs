using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Summaries;
using Xunit.Abstractions;

namespace ModelMonitor.Core.Tests.Checks;

/// <summary>
/// A 15-day hourly stream of a clean model whose features follow a daily cycle, checked hour by hour as the check runner
/// does: pinned reference = the first week, narrowed to the window's hours of the day (<see cref="SeasonalReference"/>),
/// trailing baseline = the same hour of the 7 days before (<see cref="SeasonalReference.TrailingRanges"/>), persistence over
/// the stored conditions of the series.
/// </summary>
public sealed class DailyCycleDriftTests(ITestOutputHelper output)
{
    private const int Days = 15;
    private const int RowsPerHour = 600;

    // A week of production pinned as the reference: every hour of the day on seven days (a single day's hour is as
    // noisy as the hour it is compared with, and neighbouring windows share it, so persistence cannot average it out).
    private const int ReferenceDays = 7;
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CleanDailyCycle_FifteenDays_RaisesNothing()
    {
        var alerts = Run(CheckPolicy.Default, shiftFromHour: null);

        foreach (var a in alerts)
        {
            output.WriteLine($"{a.WindowStart:O} {a.Kind} {a.Feature} {a.Severity} {string.Join(", ", a.Evidence.Select(e => $"{e.Key}={e.Value:G4}"))}");
        }

        Assert.Empty(alerts);
    }

    [Fact]
    public void CleanDailyCycle_AgainstTheWholeReferenceDay_CriesWolf()
    {
        // What the hour-of-day comparison fixes: the same stream against the whole first day reopens drift every day.
        var alerts = Run(new CheckPolicy(seasonality: SeasonalityPolicy.Off), shiftFromHour: null);

        var days = alerts.Where(a => a.Kind == AlertKind.FeatureDrift).Select(a => a.WindowStart.Date).Distinct().Count();
        output.WriteLine($"alerts: {alerts.Count} on {days} days");
        Assert.True(days >= Days - ReferenceDays - 1, $"feature drift on only {days} days");
    }

    [Fact]
    public void RealShiftOnTheCycle_Fires_WithinThreeHours_OnTheShiftedFeatureOnly()
    {
        int shiftFromHour = (10 * 24) + 5;

        var alerts = Run(CheckPolicy.Default, shiftFromHour);

        var drift = alerts.Where(a => a.Kind == AlertKind.FeatureDrift).ToList();
        Assert.NotEmpty(drift);
        Assert.All(drift, a => Assert.Equal("load", a.Feature));
        var first = drift.Min(a => a.WindowStart);
        Assert.InRange(first, Start.AddHours(shiftFromHour), Start.AddHours(shiftFromHour + 3));
        output.WriteLine($"first drift alert at {first:O}; {drift.Count} alerts");
    }

    /// <summary>Every alert of the hourly checks of days 8…15 (the first week is the pinned reference).</summary>
    private static List<MonitorAlert> Run(CheckPolicy policy, int? shiftFromHour)
    {
        var random = new Random(7);
        var windows = new Dictionary<DateTimeOffset, WindowSummary>();
        for (int hour = 0; hour < Days * 24; hour++)
        {
            var start = Start.AddHours(hour);
            windows[start] = Window(random, start, shiftFromHour is { } s && hour >= s ? 0.6 : 0.0);
        }

        WindowSummary reference = Range(windows, Start, Start.AddDays(ReferenceDays))!;
        var history = new List<IReadOnlySet<string>?>();
        var alerts = new List<MonitorAlert>();
        for (int hour = ReferenceDays * 24; hour < Days * 24; hour++)
        {
            var start = Start.AddHours(hour);
            var ranges = SeasonalReference.MatchingRanges(reference.WindowStart, reference.WindowEnd, start, start.AddHours(1), policy.Seasonality);
            WindowSummary pinned = SeasonalReference.Combine(reference, ranges.Select(r => Range(windows, r.Start, r.End)), policy.Seasonality) ?? reference;
            var days = SeasonalReference.TrailingRanges(start, TimeSpan.FromHours(1)).Select(r => Range(windows, r.Start, r.End)).ToList();
            WindowSummary? trailing = Merge(days) ?? Range(windows, start.AddHours(-1), start);

            CheckResult result = CheckEvaluator.Evaluate(pinned, trailing, windows[start], policy, history);

            alerts.AddRange(result.Alerts);
            history.Insert(0, result.Conditions.Select(AlertPersistence.ConditionKey).ToHashSet(StringComparer.Ordinal));
        }

        return alerts;
    }

    private static WindowSummary? Merge(IEnumerable<WindowSummary?> parts)
    {
        WindowSummary? merged = null;
        foreach (var part in parts.OfType<WindowSummary>())
        {
            merged ??= new WindowSummary(part.ModelId, part.ModelVersion, part.WindowStart, part.WindowEnd);
            merged.Merge(part);
        }

        return merged;
    }

    private static WindowSummary? Range(Dictionary<DateTimeOffset, WindowSummary> windows, DateTimeOffset from, DateTimeOffset to)
    {
        WindowSummary? merged = null;
        for (var t = from; t < to; t = t.AddHours(1))
        {
            if (windows.TryGetValue(t, out var w))
            {
                merged ??= new WindowSummary(w.ModelId, w.ModelVersion, w.WindowStart, w.WindowEnd);
                merged.Merge(w);
            }
        }

        return merged;
    }

    /// <summary>
    /// A recommender-like hour: session depth (lognormal) and load (normal) follow the time of day with a peak-to-trough
    /// swing of about one within-hour standard deviation, a device mix that changes with the hour, and a stable feature.
    /// </summary>
    private static WindowSummary Window(Random random, DateTimeOffset start, double loadShift)
    {
        double phase = Math.Sin(2 * Math.PI * start.Hour / 24.0);
        double[] depth = Fill(RowsPerHour, () => Math.Exp(1 + (0.5 * phase) + (0.6 * FalseAlarmRateTests.Gaussian(random))));
        double[] load = Fill(RowsPerHour, () => (0.6 * phase) + loadShift + FalseAlarmRateTests.Gaussian(random));
        double[] stable = Fill(RowsPerHour, () => FalseAlarmRateTests.Gaussian(random));
        double mobileShare = 0.5 + (0.25 * phase);
        string?[] device = [.. Enumerable.Range(0, RowsPerHour).Select(_ => random.NextDouble() < mobileShare ? "mobile" : "desktop")];
        return SummaryBuilder.FromColumns(
            [Column.Numeric("sessionDepth", depth), Column.Numeric("load", load), Column.Numeric("stable", stable), Column.Categorical("device", device)],
            "recsys",
            "1",
            start,
            start.AddHours(1));
    }

    private static double[] Fill(int n, Func<double> next)
    {
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = next();
        }

        return values;
    }
}
