using ModelMonitor.Core.Operations;

namespace ModelMonitor.Core.Tests.Operations;

public class OperationalPolicyJsonTests
{
    [Fact]
    public void TryParse_EmptyObject_GivesTheIssueDefaults()
    {
        var policy = OperationalPolicyJson.TryParse("{}", out var error);

        Assert.Null(error);
        Assert.NotNull(policy);
        Assert.Equal(0.30, policy.UsageSwing.HourlyThreshold);
        Assert.Equal(0.15, policy.UsageSwing.WeeklyThreshold);
        Assert.False(policy.Retired);
        Assert.Equal(SwingDirection.Both, policy.UsageSwing.Requests.Direction);
        Assert.Equal(SwingDirection.Rise, policy.UsageSwing.Latency.Direction);
    }

    [Fact]
    public void TryParse_PartialPolicy_KeepsTheGivenValuesAndDefaultsTheRest()
    {
        const string Json = """
            {"retired":true,"usageSwing":{"hourlyThreshold":0.4,"requests":{"direction":"fall","minimumHourlyVolume":50}},
             "errorRate":{"minimumRatio":2}}
            """;

        var policy = OperationalPolicyJson.TryParse(Json, out var error);

        Assert.Null(error);
        Assert.True(policy!.Retired);
        Assert.Equal(0.4, policy.UsageSwing.HourlyThreshold);
        Assert.Equal(SwingDirection.Fall, policy.UsageSwing.Requests.Direction);
        Assert.Equal(50, policy.UsageSwing.Requests.MinimumHourlyVolume);
        Assert.Equal(5000, policy.UsageSwing.Requests.MinimumWeeklyVolume);
        Assert.Equal(2, policy.ErrorRate.MinimumRatio);
        Assert.Equal(0.0001, policy.ErrorRate.Alpha);
    }

    [Fact]
    public void Serialize_ThenTryParse_RoundTrips()
    {
        var policy = new OperationalPolicy(successStatuses: ["ok", "cached"], silence: new SilencePolicy(alpha: 0.01));

        var back = OperationalPolicyJson.TryParse(OperationalPolicyJson.Serialize(policy), out var error);

        Assert.Null(error);
        Assert.Equal(["ok", "cached"], back!.SuccessStatuses);
        Assert.Equal(0.01, back.Silence.Alpha);
        Assert.Contains("\"direction\":\"rise\"", OperationalPolicyJson.Serialize(policy), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"usageSwing":{"hourlyThreshold":-1}}""", "hourlyThreshold")]
    [InlineData("""{"silence":{"alpha":1.5}}""", "alpha")]
    [InlineData("""{"usageSwing":{"requests":{"direction":"sideways"}}}""", "direction")]
    [InlineData("""{"usageSwing":{"hourlyTreshold":0.3}}""", "hourlyTreshold")]
    [InlineData("""[1]""", "")]
    public void TryParse_BadPolicy_ReturnsNullAndAReason(string json, string mentioned)
    {
        var policy = OperationalPolicyJson.TryParse(json, out var error);

        Assert.Null(policy);
        Assert.NotNull(error);
        Assert.Contains(mentioned, error, StringComparison.OrdinalIgnoreCase);
    }
}
