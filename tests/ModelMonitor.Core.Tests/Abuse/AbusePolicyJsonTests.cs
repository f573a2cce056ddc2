using ModelMonitor.Core.Abuse;

namespace ModelMonitor.Core.Tests.Abuse;

public class AbusePolicyJsonTests
{
    [Fact]
    public void TryParse_EmptyObject_GivesTheDefaults()
    {
        var policy = AbusePolicyJson.TryParse("{}", out var error);

        Assert.Null(error);
        Assert.Equal(AbusePolicy.Default, policy);
        Assert.Null(policy!.QuotaPerHour);
        Assert.Equal(0.5, policy.MaxShare);
    }

    [Fact]
    public void Serialize_ThenTryParse_RoundTrips()
    {
        var policy = new AbusePolicy(quotaPerHour: 10_000, populationZ: 8, historyDays: 7);

        var back = AbusePolicyJson.TryParse(AbusePolicyJson.Serialize(policy), out var error);

        Assert.Null(error);
        Assert.Equal(policy, back);
    }

    [Theory]
    [InlineData("""{"quotaPerHour":0}""", "quotaPerHour")]
    [InlineData("""{"maxShare":1.5}""", "maxShare")]
    [InlineData("""{"minimumHistoryDays":20,"historyDays":14}""", "minimumHistoryDays")]
    [InlineData("""{"quota":100}""", "quota")]
    public void TryParse_BadPolicy_ReturnsNullAndAReason(string json, string mentioned)
    {
        var policy = AbusePolicyJson.TryParse(json, out var error);

        Assert.Null(policy);
        Assert.Contains(mentioned, error, StringComparison.Ordinal);
    }
}
