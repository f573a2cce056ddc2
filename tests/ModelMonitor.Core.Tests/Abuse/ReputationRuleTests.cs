using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Tests.Abuse;

public class ReputationRuleTests
{
    private static readonly DateTimeOffset HourEnd = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private static CallerJudgement Judged(params string[] fired) => new("k", 500, fired, new Dictionary<string, double?>());

    [Fact]
    public void Next_HourAlreadyFoldedIn_KeepsTheStoredReputation()
    {
        var stored = new CallerReputation("k", 0.25, HourEnd);

        Assert.Same(stored, ReputationRule.Next(Judged(AbuseSubkind.Rate), stored, HourEnd, ReputationPolicy.Default));
    }

    [Fact]
    public void Next_TwoRulesFired_HalvesTwice()
    {
        var next = ReputationRule.Next(Judged(AbuseSubkind.Rate, AbuseSubkind.RepeatedInputs), null, HourEnd, ReputationPolicy.Default);

        Assert.Equal(0.25, next.Score, 12);
        Assert.Equal(HourEnd, next.UpdatedAt);
    }

    [Fact]
    public void Alert_FlaggedScore_NamesTheCallerWithTheScore()
    {
        var alert = ReputationRule.Alert("m", Judged(AbuseSubkind.Rate), new CallerReputation("k", 0.2, HourEnd), HourEnd, ReputationPolicy.Default);

        Assert.NotNull(alert);
        Assert.Equal((AlertKind.Abuse, AbuseSubkind.Reputation, "k"), (alert.Kind, alert.Subkind, alert.Feature));
        Assert.Equal(0.2, alert.Evidence["score"]);
        Assert.Equal(HourEnd.AddHours(-1), alert.WindowStart);
        Assert.Contains("'k'", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alert_ScoreAtOrAboveTheFlag_IsNull()
    {
        Assert.Null(ReputationRule.Alert("m", Judged(), new CallerReputation("k", 0.3, HourEnd), HourEnd, ReputationPolicy.Default));
    }

    [Fact]
    public void ScoreAt_OneHalfLifeLater_HalvesTheDistanceToNeutral()
    {
        var reputation = new CallerReputation("k", 0.2, HourEnd);

        Assert.Equal(0.6, reputation.ScoreAt(HourEnd.AddHours(24), ReputationPolicy.Default), 12);
        Assert.Equal(0.2, reputation.ScoreAt(HourEnd.AddHours(-5), ReputationPolicy.Default), 12);
    }
}
