using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Checks;

public sealed class SeasonalReferenceTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MatchingRanges_TwoDayReference_AreTheWindowsHourPlusMinusOne_OnEachDay()
    {
        var ranges = SeasonalReference.MatchingRanges(Day0, Day0.AddDays(2), Day0.AddDays(5).AddHours(14), Day0.AddDays(5).AddHours(15), new SeasonalityPolicy(neighbourHours: 1));

        Assert.Equal([(Day0.AddHours(13), Day0.AddHours(16)), (Day0.AddDays(1).AddHours(13), Day0.AddDays(1).AddHours(16))], ranges);
    }

    [Fact]
    public void MatchingRanges_ByDefault_AreTheWindowsHourOnEachDay()
    {
        var ranges = SeasonalReference.MatchingRanges(Day0, Day0.AddDays(2), Day0.AddDays(5).AddHours(14).AddMinutes(5), Day0.AddDays(5).AddHours(14).AddMinutes(10), SeasonalityPolicy.Default);

        Assert.Equal([(Day0.AddHours(14), Day0.AddHours(15)), (Day0.AddDays(1).AddHours(14), Day0.AddDays(1).AddHours(15))], ranges);
    }

    [Fact]
    public void MatchingRanges_AcrossMidnight_AreClippedToTheReference()
    {
        var ranges = SeasonalReference.MatchingRanges(Day0, Day0.AddDays(1), Day0.AddDays(3), Day0.AddDays(3).AddMinutes(5), new SeasonalityPolicy(neighbourHours: 1));

        // 00:00 ± 1 h: 23:00 the day before (outside), 00:00–02:00, and 23:00 of the reference day.
        Assert.Equal([(Day0, Day0.AddHours(2)), (Day0.AddHours(23), Day0.AddDays(1))], ranges);
    }

    [Theory]
    [InlineData(ReferenceSeasonality.None, 48, 1)]
    [InlineData(ReferenceSeasonality.HourOfDay, 20, 1)]
    [InlineData(ReferenceSeasonality.HourOfDay, 48, 2)]
    public void MatchingRanges_WhereThePolicyDoesNotApply_AreEmpty(ReferenceSeasonality mode, int referenceHours, int windowHours)
    {
        var ranges = SeasonalReference.MatchingRanges(
            Day0, Day0.AddHours(referenceHours), Day0.AddDays(4), Day0.AddDays(4).AddHours(windowHours), new SeasonalityPolicy(mode));

        Assert.Empty(ranges);
    }

    [Fact]
    public void Combine_BelowTheMinimumEvents_IsNull_SoTheWholeReferenceIsUsed()
    {
        var reference = Summary(Day0, Day0.AddDays(1), 2_400);
        var thin = Summary(Day0.AddHours(3), Day0.AddHours(4), 100);
        var enough = Summary(Day0.AddHours(4), Day0.AddHours(5), 450);

        Assert.Null(SeasonalReference.Combine(reference, [thin, null], SeasonalityPolicy.Default));
        var combined = SeasonalReference.Combine(reference, [thin, null, enough], SeasonalityPolicy.Default);
        Assert.NotNull(combined);
        Assert.Equal(550, combined.EventCount);
        Assert.Equal((Day0.AddHours(3), Day0.AddHours(5)), (combined.WindowStart, combined.WindowEnd));
    }

    [Fact]
    public void TrailingRanges_AreTheSameSpanOnEachOfTheSevenDaysBefore_MostRecentFirst()
    {
        var start = Day0.AddDays(9).AddHours(14);

        var ranges = SeasonalReference.TrailingRanges(start, TimeSpan.FromMinutes(5));

        Assert.Equal([.. Enumerable.Range(1, 7).Select(d => (start.AddDays(-d), start.AddDays(-d).AddMinutes(5)))], ranges);
        Assert.Equal((start.AddHours(-1), start), SeasonalReference.HourBefore(start));
    }

    [Fact]
    public void Policy_RejectsOutOfRangeSettings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeasonalityPolicy(neighbourHours: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeasonalityPolicy(minimumReferenceDays: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeasonalityPolicy(minimumEvents: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeasonalityPolicy((ReferenceSeasonality)7));
    }

    private static WindowSummary Summary(DateTimeOffset start, DateTimeOffset end, int rows) =>
        SummaryBuilder.FromColumns([Column.Numeric("x", CheckData.Normal(rows, rows))], "m", "1", start, end);
}
