using System.Text;
using System.Text.Json;
using ModelMonitor.Service.AzureMonitor;

namespace ModelMonitor.Service.Tests.AzureMonitor;

public sealed class CommonAlertParserTests
{
    public static TheoryData<string> PublishedSamples() => [.. Samples.CommonSchemaNames()];

    [Theory]
    [MemberData(nameof(PublishedSamples))]
    public void Parse_EveryPublishedSample_IsAcceptedWithAnAlertIdAndRawContext(string sample)
    {
        var result = CommonAlertParser.Parse(Samples.Read(sample));

        Assert.Null(result.Error);
        Assert.NotNull(result.Alert);
        Assert.False(string.IsNullOrWhiteSpace(result.Alert.Essentials.AlertId));
        using var context = JsonDocument.Parse(result.Alert.AlertContextJson!);
        Assert.Equal(JsonValueKind.Object, context.RootElement.ValueKind);
    }

    [Fact]
    public void Parse_MetricSample_ReadsEssentialsAndCustomProperties()
    {
        var alert = CommonAlertParser.Parse(Samples.Read("metric-static-platform.json")).Alert!;

        Assert.Equal("/subscriptions/11111111-1111-1111-1111-111111111111/providers/Microsoft.AlertsManagement/alerts/12345678-1234-1234-1234-1234567890ab", alert.Essentials.AlertId);
        Assert.Equal("test-metricAlertRule", alert.Essentials.AlertRule);
        Assert.Equal("Sev3", alert.Essentials.Severity);
        Assert.True(alert.Essentials.IsFired);
        Assert.Equal("value1", alert.CustomProperties["customKey1"]);
        Assert.Single(alert.Essentials.AlertTargetIds);
    }

    [Fact]
    public void Parse_CostBudgetWithNullEssentials_KeepsNullsAndTheAlertId()
    {
        var essentials = CommonAlertParser.Parse(Samples.Read("cost-actual-budget.json")).Alert!.Essentials;

        Assert.Null(essentials.AlertRule);
        Assert.Null(essentials.Severity);
        Assert.Null(essentials.MonitorCondition);
        Assert.Empty(essentials.AlertTargetIds);
        Assert.Equal("/subscriptions/11111111-1111-1111-1111-111111111111/providers/Microsoft.CostManagement/alerts/Test_Alert", essentials.AlertId);
    }

    [Fact]
    public void Parse_ServiceHealthWithIntegerChannelsAndStringImpactedServices_KeepsTheContextVerbatim()
    {
        var alert = CommonAlertParser.Parse(Samples.Read("servicehealth.json")).Alert!;

        using var context = JsonDocument.Parse(alert.AlertContextJson!);
        Assert.Equal(1, context.RootElement.GetProperty("channels").GetInt32());
        Assert.Equal(JsonValueKind.String, context.RootElement.GetProperty("properties").GetProperty("impactedServices").ValueKind);
        Assert.Equal("Fired", alert.Essentials.MonitorCondition);
    }

    [Fact]
    public void Parse_BudgetTestActionSchema_IsABudgetAlertWithAStableId()
    {
        var first = CommonAlertParser.Parse(Samples.Read("budget-aip-notification.json")).Alert!;
        var again = CommonAlertParser.Parse(Samples.Read("budget-aip-notification.json")).Alert!;

        Assert.Equal("Budget", first.Essentials.MonitoringService);
        Assert.Equal("test-budgetName", first.Essentials.AlertRule);
        Assert.Equal(first.Essentials.AlertId, again.Essentials.AlertId);
        Assert.False(first.Essentials.IsFired);
    }

    [Theory]
    [InlineData("other-schema-metric-alert-v2.json")]
    public void Parse_AnotherPublishedSchema_IsRefusedNamingTheCommonAlertSchema(string sample)
    {
        var result = CommonAlertParser.Parse(Samples.Read(sample));

        Assert.Null(result.Alert);
        Assert.True(result.IsOtherSchema);
        Assert.Contains("Common Alert Schema", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"schemaId\":\"azureMonitorCommonAlertSchema\"}")]
    [InlineData("{\"schemaId\":\"azureMonitorCommonAlertSchema\",\"data\":[]}")]
    [InlineData("{\"data\":{\"context\":{\"activityLog\":{}}}}")]
    [InlineData("{\"SearchQuery\":\"Heartbeat\",\"WorkspaceId\":\"x\"}")]
    public void Parse_MalformedOrForeignBody_IsRefusedWithAReason(string body)
    {
        var result = CommonAlertParser.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Null(result.Alert);
        Assert.Contains("Common Alert Schema", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OddEssentialTypes_AreReadAsTextNotRefused()
    {
        const string body = """{"schemaId":"azureMonitorCommonAlertSchema","data":{"essentials":{"alertId":42,"severity":3,"monitorCondition":"fired","alertTargetIDs":"/subscriptions/s/resourceGroups/r/providers/Microsoft.Web/sites/a","extra":{"x":[1]}},"alertContext":null,"customProperties":{"modelId":7}}}""";

        var alert = CommonAlertParser.Parse(Encoding.UTF8.GetBytes(body)).Alert!;

        Assert.Equal("42", alert.Essentials.AlertId);
        Assert.Equal("3", alert.Essentials.Severity);
        Assert.True(alert.Essentials.IsFired);
        Assert.Single(alert.Essentials.AlertTargetIds);
        Assert.Equal("7", alert.CustomProperties["modelId"]);
        Assert.Null(alert.AlertContextJson);
    }

    [Fact]
    public void Parse_WithoutAlertId_UsesAContentHashSoARedeliveryIsRecognised()
    {
        var body = Encoding.UTF8.GetBytes("""{"schemaId":"azureMonitorCommonAlertSchema","data":{"essentials":{"monitorCondition":"Fired"}}}""");

        var first = CommonAlertParser.Parse(body).Alert!.Essentials.AlertId;

        Assert.StartsWith("sha256:", first, StringComparison.Ordinal);
        Assert.Equal(first, CommonAlertParser.Parse(body).Alert!.Essentials.AlertId);
    }
}
