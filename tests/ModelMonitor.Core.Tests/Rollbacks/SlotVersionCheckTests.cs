using ModelMonitor.Core.Rollbacks;

namespace ModelMonitor.Core.Tests.Rollbacks;

public sealed class SlotVersionCheckTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NoHistory_DifferentVersions_PassOnArmEvidence()
    {
        var verdict = SlotVersionCheck.Check("2.0", "1.0", []);
        Assert.Equal((true, "arm"), (verdict.Ok, verdict.Evidence));
    }

    [Theory]
    [InlineData("2.0", "2.0", "same version as production")]
    [InlineData(null, "1.0", "MODEL_VERSION is not set on production")]
    [InlineData("2.0", null, "MODEL_VERSION is not set on the standby slot")]
    public void MissingOrEqualVersions_Fail(string? production, string? standby, string reason)
    {
        var verdict = SlotVersionCheck.Check(production, standby, []);
        Assert.False(verdict.Ok);
        Assert.Contains(reason, verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void History_StandbyIsThePreviousProductionVersion_PassesOnBoth()
    {
        SlotSighting[] history = [new("0.9", "production", 10, T), new("1.0", "production", 10, T.AddDays(1)), new("2.0", "production", 10, T.AddDays(2)), new("1.0", "staging", 3, T.AddDays(2))];
        var verdict = SlotVersionCheck.Check("2.0", "1.0", history);
        Assert.Equal((true, "arm+history"), (verdict.Ok, verdict.Evidence));
    }

    [Fact]
    public void History_StandbyIsNotThePreviousProductionVersion_Fails()
    {
        SlotSighting[] history = [new("0.9", "production", 10, T), new("1.0", "production", 10, T.AddDays(1)), new("2.0", "production", 10, T.AddDays(2))];
        var verdict = SlotVersionCheck.Check("2.0", "0.9", history);
        Assert.False(verdict.Ok);
        Assert.Contains("previous production version per the monitoring history is 1.0", verdict.Detail, StringComparison.Ordinal);
    }
}
