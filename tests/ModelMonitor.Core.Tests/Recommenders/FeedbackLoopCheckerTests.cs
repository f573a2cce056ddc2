using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Recommenders;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Recommenders;

public class FeedbackLoopCheckerTests
{
    private static List<WindowSummary> Days(int count, Func<int, (int Requests, int Catalogue, double Ctr)> day, int seed = 3) =>
        [.. Enumerable.Range(0, count).Select(d => { var (r, c, ctr) = day(d); return RecommenderDays.Day(d, r, c, ctr, seed); })];

    [Fact]
    public void Evaluate_SteadyRecommender_RaisesNothing()
    {
        // A weekly cycle in volume and a little day-to-day noise in CTR: a healthy recommender.
        var days = Days(8, d => (d % 7 is 5 or 6 ? 1_500 : 2_500, 2_000, 0.05));

        Assert.Empty(FeedbackLoopChecker.Evaluate(days, FeedbackLoopPolicy.Default));
    }

    [Fact]
    public void Evaluate_CatalogueNarrowingDayAfterDay_RaisesDiversityAndLongTailNarrowing()
    {
        // A loop that learns from its own clicks: each day the model draws from a smaller part of the catalogue.
        var days = Days(7, d => (2_500, 2_000 - (d * 250), 0.05));

        var alerts = FeedbackLoopChecker.Evaluate(days, FeedbackLoopPolicy.Default);

        Assert.Contains(alerts, a => a.Kind == AlertKind.FeedbackLoop && a.Subkind == FeedbackLoopSubkind.DiversityNarrowing);
        var diversity = alerts.Single(a => a.Subkind == FeedbackLoopSubkind.DiversityNarrowing);
        Assert.Equal(days[0].WindowStart, diversity.WindowStart);
        Assert.Equal(days[^1].WindowEnd, diversity.WindowEnd);
        Assert.True(diversity.Evidence["relativeDecline"] >= 0.15);
        Assert.DoesNotContain(alerts, a => a.Subkind == FeedbackLoopSubkind.CtrDrop);
    }

    [Fact]
    public void Evaluate_OneNarrowDay_IsNotATrend()
    {
        var days = Days(7, d => (2_500, d == 6 ? 600 : 2_000, 0.05));

        Assert.DoesNotContain(FeedbackLoopChecker.Evaluate(days, FeedbackLoopPolicy.Default), a => a.Subkind != FeedbackLoopSubkind.CtrDrop);
    }

    [Fact]
    public void Evaluate_FallingVolume_IsNotNarrowing()
    {
        // Fewer requests show fewer distinct items; that is traffic, not a loop.
        var days = Days(7, d => (4_000 - (d * 500), 2_000, 0.05));

        Assert.DoesNotContain(FeedbackLoopChecker.Evaluate(days, FeedbackLoopPolicy.Default), a => a.Subkind == FeedbackLoopSubkind.DiversityNarrowing);
    }

    [Fact]
    public void Evaluate_CtrHalvesOnTheLastDay_RaisesCtrDropAgainstTheBaselineDays()
    {
        var days = Days(8, d => (2_500, 2_000, d == 7 ? 0.025 : 0.05));

        var alert = Assert.Single(FeedbackLoopChecker.Evaluate(days, FeedbackLoopPolicy.Default));

        Assert.Equal(FeedbackLoopSubkind.CtrDrop, alert.Subkind);
        Assert.Equal(Severity.Error, alert.Severity);
        Assert.Equal(7, alert.Evidence["baselineDays"]);
        Assert.InRange(alert.Evidence["relativeChange"]!.Value, -0.6, -0.4);
        Assert.Equal(days[^1].WindowStart, alert.WindowStart);
    }

    [Fact]
    public void Evaluate_CtrDropOnTooFewImpressions_RaisesNothing()
    {
        var days = Days(8, d => (50, 2_000, d == 7 ? 0.025 : 0.05));

        Assert.Empty(FeedbackLoopChecker.Evaluate(days, FeedbackLoopPolicy.Default));
    }

    [Fact]
    public void Evaluate_NotARecommender_RaisesNothing()
    {
        var days = Enumerable.Range(0, 8).Select(d => new WindowSummary("fraud", "1", RecommenderDays.Start.AddDays(d), RecommenderDays.Start.AddDays(d + 1))).ToList();

        Assert.Empty(FeedbackLoopChecker.Evaluate(days, FeedbackLoopPolicy.Default));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(0)]
    public void Policy_TooFewTrendDays_IsRefused(int trendDays)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeedbackLoopPolicy(trendDays: trendDays));
    }
}
