using ModelMonitor.Core.Abuse;

namespace ModelMonitor.Core.Tests.Abuse;

public class CallerReputationTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_WithoutAlerts_StaysNeutral()
    {
        var reputation = CallerReputation.Next("k", null, 0, Start, ReputationPolicy.Default);

        Assert.Equal(1.0, reputation.Score);
        Assert.False(reputation.IsFlagged(ReputationPolicy.Default));
    }

    [Fact]
    public void Next_TwoFiredRulesInConsecutiveHours_FlagsTheCaller()
    {
        var first = CallerReputation.Next("k", null, 1, Start.AddHours(1), ReputationPolicy.Default);
        var second = CallerReputation.Next("k", first, 1, Start.AddHours(2), ReputationPolicy.Default);

        Assert.False(first.IsFlagged(ReputationPolicy.Default));
        Assert.True(second.IsFlagged(ReputationPolicy.Default));
        Assert.True(second.Score < first.Score);
    }

    [Fact]
    public void Next_AfterOneHalfLifeWithoutAlerts_HalvesTheDistanceToNeutral()
    {
        var low = new CallerReputation("k", 0.2, Start);

        var later = CallerReputation.Next("k", low, 0, Start.AddHours(24), ReputationPolicy.Default);

        Assert.Equal(0.6, later.Score, 12);
        Assert.False(later.IsFlagged(ReputationPolicy.Default));
    }

    [Fact]
    public void Next_WindowBeforeTheLastUpdate_Throws() =>
        Assert.Throws<ArgumentException>(() => CallerReputation.Next("k", new CallerReputation("k", 0.5, Start), 0, Start.AddHours(-1), ReputationPolicy.Default));
}
