using System.Text.Json;
using ModelMonitor.Cli.Tests.Infrastructure;
using ModelMonitor.Cli.Tests.Rollbacks;

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

    private static Task<string> FiredFor(string modelId, string alertId) => EventLines.WriteFileAsync(
        ["{\"schemaId\":\"azureMonitorCommonAlertSchema\",\"data\":{\"essentials\":{\"alertId\":\"" + alertId + "\",\"alertRule\":\"errors\",\"severity\":\"Sev1\",\"monitorCondition\":\"Fired\",\"alertTargetIDs\":[]},\"alertContext\":{},\"customProperties\":{\"modelId\":\"" + modelId + "\"}}}"],
        $"alert-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task AzureAlert_CustomPropertyNamesAConfiguredModel_DryRun_RunsADryRunRollbackInProcess()
    {
        await using var world = new SlotWorld();

        var run = await CliRun.InvokeAsync("azure-alert", "--payload", await FiredFor("fraud", "a-1"), "--config", world.ConfigPath, "--dry-run", "--access-token", SlotWorld.Token);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["alertId", "alertRule", "severity", "monitorCondition", "modelId", "action"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("a-1", "fraud", "rollback-dry-run"), (json.RootElement.GetProperty("alertId").GetString(), json.RootElement.GetProperty("modelId").GetString(), json.RootElement.GetProperty("action").GetString()));
        Assert.Contains("rollback dry-run: from 3.1.0 to 3.0.2", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(world.Requests, r => r.Path == "/staging/score" && r.Body == SlotWorld.GoldenInput);
        Assert.Empty(world.SwapPosts);
        Assert.Contains(await File.ReadAllLinesAsync(world.NotificationsPath), n => n.Contains("Requested by alert:a-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AzureAlert_FiredForAConfiguredModel_RunsTheRollback_SwappingThroughArm()
    {
        await using var world = new SlotWorld();

        var run = await CliRun.InvokeAsync("azure-alert", "--payload", await FiredFor("fraud", "a-2"), "--config", world.ConfigPath, "--access-token", SlotWorld.Token, "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("rollback-started", json.RootElement.GetProperty("action").GetString());
        Assert.Contains("rollback rolled-back: from 3.1.0 to 3.0.2", run.Stderr, StringComparison.Ordinal);
        var swap = Assert.Single(world.SwapPosts);
        Assert.Equal(("Bearer " + SlotWorld.Token, "?api-version=2024-04-01"), (swap.Authorization, swap.Query));
        Assert.Equal("3.0.2", world.Service.ProductionVersion);
    }

    [Fact]
    public async Task AzureAlert_StartedRollbackAborts_ExitsOneAfterPrintingTheAlertOutcome()
    {
        await using var world = new SlotWorld();
        world.Service.Score = (_, _) => """{"score":0.7}""";

        var run = await CliRun.InvokeAsync("azure-alert", "--payload", await FiredFor("fraud", "a-3"), "--config", world.ConfigPath, "--access-token", SlotWorld.Token);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("rollback-started", json.RootElement.GetProperty("action").GetString());
        Assert.Contains("rollback aborted", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(world.SwapPosts);
    }

    [Fact]
    public async Task AzureAlert_RecordOnlyTarget_StartsNoHostAndNeedsNoFullConfig()
    {
        var run = await CliRun.InvokeAsync("azure-alert", "--payload", await FiredFor("storage-model", "a-4"), "--config", await ConfigAsync("record"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("recorded", json.RootElement.GetProperty("action").GetString());
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
