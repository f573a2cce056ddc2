using ModelMonitor.Core.Rollbacks;

namespace ModelMonitor.Core.Tests.Rollbacks;

public sealed class RollbackConfigParserTests
{
    private const string Valid = """
        {"armEndpoint":"https://management.usgovcloudapi.net",
         "targets":{"fraud":{"subscriptionId":"s","resourceGroup":"rg","site":"fraud-api","standbySlot":"staging",
           "productionBaseUrl":"https://fraud-api.azurewebsites.net","standbyBaseUrl":"https://fraud-api-staging.azurewebsites.net",
           "scoringPath":"/score","healthPath":"/health","goldenExamples":"golden/fraud.jsonl","approval":"required-below-critical",
           "approvalTimeout":"PT45M","onApprovalTimeout":"proceed","verifyMinutes":10,"onAzureMonitorAlert":"record"}},
         "notifications":[{"type":"teams","url":"https://example.webhook.office.com/x","minSeverity":"warning"},{"type":"file","url":"notes.jsonl"}]}
        """;

    [Fact]
    public void Parse_TheDocumentedShape_ReadsEveryField()
    {
        var result = RollbackConfigParser.Parse(Valid);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var config = result.Config!;
        Assert.Equal("https://management.usgovcloudapi.net/", config.ArmEndpoint.ToString());
        var t = config.Targets["fraud"];
        Assert.Equal(("s", "rg", "fraud-api", "staging", "/score", "/health", "golden/fraud.jsonl"), (t.SubscriptionId, t.ResourceGroup, t.Site, t.StandbySlot, t.ScoringPath, t.HealthPath, t.GoldenExamples));
        Assert.Equal((ApprovalPolicy.RequiredBelowCritical, TimeSpan.FromMinutes(45), ApprovalTimeoutAction.Proceed, 10, AzureMonitorAlertAction.Record), (t.Approval, t.ApprovalTimeout, t.OnApprovalTimeout, t.VerifyMinutes, t.OnAzureMonitorAlert));
        Assert.Equal(2, config.Notifications.Count);
        Assert.Equal(("file", "info"), (config.Notifications[1].Type, config.Notifications[1].MinSeverity));
    }

    [Fact]
    public void Parse_BadValues_ReportsEachWithItsJsonPath()
    {
        var json = Valid
            .Replace("\"approval\":\"required-below-critical\"", "\"approval\":\"sometimes\"", StringComparison.Ordinal)
            .Replace("PT45M", "45 minutes", StringComparison.Ordinal)
            .Replace("\"site\":\"fraud-api\"", "\"site\":\"../other\"", StringComparison.Ordinal)
            .Replace("\"verifyMinutes\":10", "\"verifyMinutes\":-1,\"verifyMinute\":1", StringComparison.Ordinal)
            .Replace("\"type\":\"teams\"", "\"type\":\"pager\"", StringComparison.Ordinal);

        var result = RollbackConfigParser.Parse(json);

        Assert.False(result.IsValid);
        Assert.Contains("$.targets.fraud.approval: expected one of none|required|required-below-critical, got 'sometimes'", result.Errors);
        Assert.Contains("$.targets.fraud.approvalTimeout: expected an ISO-8601 duration such as PT30M, got '45 minutes'", result.Errors);
        Assert.Contains("$.targets.fraud.site: must not contain '/', '?', '#', '%', '\\' or spaces", result.Errors);
        Assert.Contains("$.targets.fraud.verifyMinutes: expected an integer from 0 to 240", result.Errors);
        Assert.Contains(result.Errors, e => e.StartsWith("$.targets.fraud.verifyMinute: unknown property", StringComparison.Ordinal));
        Assert.Contains("$.notifications[0].type: expected one of teams, slack, webhook, file, got 'pager'", result.Errors);
    }

    [Theory]
    [InlineData("[]", "$: expected an object")]
    [InlineData("{", "$: not valid JSON")]
    [InlineData("{}", "$.targets: required, an object of targets by model id")]
    [InlineData("""{"targets":{"m":{}}}""", "$.targets.m.subscriptionId: required")]
    [InlineData("""{"armEndpoint":"ftp://x","targets":{}}""", "$.armEndpoint: expected an absolute http(s) URL without a query")]
    public void Parse_WrongShape_SaysWhere(string json, string error) =>
        Assert.Contains(RollbackConfigParser.Parse(json).Errors, e => e.StartsWith(error, StringComparison.Ordinal));
}
