using System.Text.Json;
using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Commands;

public sealed class AzureAlertCommandTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "AzureMonitor", "Samples", name);

    private static async Task<string> ConfigAsync(string onAlert) =>
        await EventLines.WriteFileAsync(
            ["{\"targets\":{\"storage-model\":{\"subscriptionId\":\"11111111-1111-1111-1111-111111111111\",\"resourceGroup\":\"test-RG\",\"site\":\"unused\",\"onAzureMonitorAlert\":\"" + onAlert
                + "\"},\"fraud\":{\"subscriptionId\":\"sub-1\",\"resourceGroup\":\"rg\",\"site\":\"fraud-scorer\"}}}"],
            $"rollback-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task AzureAlert_PublishedMetricSampleWithoutMatchingSite_PrintsTheDocumentedShapeWithNullModel()
    {
        var run = await CliRun.InvokeAsync("azure-alert", "--payload", Sample("metric-static-platform.json"), "--config", await ConfigAsync("rollback"), "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(["alertId", "alertRule", "severity", "monitorCondition", "modelId", "action"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("test-metricAlertRule", root.GetProperty("alertRule").GetString());
        Assert.Equal("Sev3", root.GetProperty("severity").GetString());
        Assert.Equal("Fired", root.GetProperty("monitorCondition").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("modelId").ValueKind);
        Assert.Equal("ignored", root.GetProperty("action").GetString());
    }

    [Fact]
    public async Task AzureAlert_CustomPropertyNamesAConfiguredModel_DryRunStartsADryRunRollback()
    {
        var payload = await EventLines.WriteFileAsync(
            ["""{"schemaId":"azureMonitorCommonAlertSchema","data":{"essentials":{"alertId":"a-1","alertRule":"errors","severity":"Sev1","monitorCondition":"Fired","alertTargetIDs":[]},"alertContext":{},"customProperties":{"modelId":"fraud"}}}"""],
            $"alert-{Guid.NewGuid():N}.json");

        var run = await CliRun.InvokeAsync("azure-alert", "--payload", payload, "--config", await ConfigAsync("rollback"), "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("fraud", json.RootElement.GetProperty("modelId").GetString());
        Assert.Equal("rollback-dry-run", json.RootElement.GetProperty("action").GetString());
    }

    [Fact]
    public async Task AzureAlert_ResolvedSampleOfAnUnconfiguredResource_IsReadAndIgnored()
    {
        var config = await EventLines.WriteFileAsync(
            ["""{"targets":{"vm-model":{"subscriptionId":"<subscription ID>","resourceGroup":"pipelinealertrg","site":"x"}}}"""], $"rollback-{Guid.NewGuid():N}.json");

        var run = await CliRun.InvokeAsync("azure-alert", "--payload", Sample("resolved-metric.json"), "--config", config);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("Resolved", json.RootElement.GetProperty("monitorCondition").GetString());
        Assert.Equal("ignored", json.RootElement.GetProperty("action").GetString());
    }

    [Fact]
    public async Task AzureAlert_OtherSchema_ExitsTwoNamingTheCommonAlertSchema()
    {
        var run = await CliRun.InvokeAsync("azure-alert", "--payload", Sample("other-schema-metric-alert-v2.json"), "--config", await ConfigAsync("rollback"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Common Alert Schema", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
