using System.Text;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Service.AzureMonitor;
using ModelMonitor.Service.Rollbacks;

namespace ModelMonitor.Service.Tests.AzureMonitor;

public sealed class AzureMonitorAlertHandlerTests
{
    private const string Site = "/subscriptions/sub-1/resourceGroups/rg-fraud/providers/Microsoft.Web/sites/fraud-scorer";

    private readonly RecordingRollbackStarter _starter = new();
    private readonly InMemoryAlertReceiptLog _receipts = new();

    private AzureMonitorAlertHandler Handler(params RollbackTarget[] targets) =>
        new(new StaticRollbackTargets(targets), _receipts, _starter, new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

    private static CommonAlert Alert(string condition, string targetId = Site, string? modelId = null, string alertId = "alert-1")
    {
        var custom = modelId is null ? "null" : $"{{\"modelId\":\"{modelId}\"}}";
        var json = "{\"schemaId\":\"azureMonitorCommonAlertSchema\",\"data\":{\"essentials\":{\"alertId\":\"" + alertId
            + "\",\"alertRule\":\"5xx\",\"severity\":\"Sev1\",\"monitorCondition\":\"" + condition
            + "\",\"alertTargetIDs\":[\"" + targetId + "\"]},\"alertContext\":{},\"customProperties\":" + custom + "}}";
        return CommonAlertParser.Parse(Encoding.UTF8.GetBytes(json)).Alert!;
    }

    [Fact]
    public async Task HandleAsync_FiredForATargetSiteInAnotherCase_StartsItsRollback()
    {
        var outcome = await Handler(new RollbackTarget("fraud", Site, RecordOnly: false)).HandleAsync(Alert("Fired", Site.ToLowerInvariant()));

        Assert.Equal(AzureAlertActions.RollbackStarted, outcome.Action);
        Assert.Equal("fraud", outcome.ModelId);
        var request = Assert.Single(_starter.Requests);
        Assert.Equal("fraud", request.ModelId);
        Assert.Equal("alert-1", request.AlertId);
        Assert.Equal("alert:alert-1", request.RequestedBy);
        Assert.False(request.DryRun);
    }

    [Fact]
    public async Task HandleAsync_DryRun_StartsADryRunRollback()
    {
        var outcome = await Handler(new RollbackTarget("fraud", Site, false)).HandleAsync(Alert("Fired"), dryRun: true);

        Assert.Equal(AzureAlertActions.RollbackDryRun, outcome.Action);
        Assert.True(Assert.Single(_starter.Requests).DryRun);
    }

    [Fact]
    public async Task HandleAsync_CustomPropertyModelId_WinsOverTheTargetIds()
    {
        var outcome = await Handler(new RollbackTarget("fraud", Site, false), new RollbackTarget("churn", "/subscriptions/x/resourceGroups/y/providers/Microsoft.Web/sites/z", false))
            .HandleAsync(Alert("Fired", Site, modelId: "churn"));

        Assert.Equal("churn", outcome.ModelId);
        Assert.Equal("churn", Assert.Single(_starter.Requests).ModelId);
    }

    [Fact]
    public async Task HandleAsync_RepeatedFired_StartsNothingNew()
    {
        var handler = Handler(new RollbackTarget("fraud", Site, false));
        await handler.HandleAsync(Alert("Fired"));

        var repeat = await handler.HandleAsync(Alert("Fired"));

        Assert.True(repeat.Duplicate);
        Assert.Equal(AzureAlertActions.Ignored, repeat.Action);
        Assert.Single(_starter.Requests);
    }

    [Fact]
    public async Task HandleAsync_ResolvedAfterFired_IsRecordedAndStartsNothing()
    {
        var handler = Handler(new RollbackTarget("fraud", Site, false));
        await handler.HandleAsync(Alert("Fired"));

        var resolved = await handler.HandleAsync(Alert("Resolved"));

        Assert.Equal(AzureAlertActions.Recorded, resolved.Action);
        Assert.False(resolved.Duplicate);
        Assert.Single(_starter.Requests);
        Assert.Equal(2, _receipts.Receipts.Count);
    }

    [Fact]
    public async Task HandleAsync_TargetSaysRecord_RecordsWithoutRollback()
    {
        var outcome = await Handler(new RollbackTarget("fraud", Site, RecordOnly: true)).HandleAsync(Alert("Fired"));

        Assert.Equal(AzureAlertActions.Recorded, outcome.Action);
        Assert.Empty(_starter.Requests);
    }

    [Fact]
    public async Task HandleAsync_NoMatchingTarget_IsIgnoredWithNullModel()
    {
        var outcome = await Handler(new RollbackTarget("fraud", Site, false)).HandleAsync(Alert("Fired", "/subscriptions/other/resourceGroups/r/providers/Microsoft.Web/sites/other"));

        Assert.Equal(AzureAlertActions.Ignored, outcome.Action);
        Assert.Null(outcome.ModelId);
        Assert.Empty(_starter.Requests);
    }

    [Fact]
    public async Task HandleAsync_StarterFails_ForgetsTheReceiptSoTheRetryActs()
    {
        var failing = new AzureMonitorAlertHandler(new StaticRollbackTargets([new RollbackTarget("fraud", Site, false)]), _receipts, new ThrowingStarter(), TimeProvider.System);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.HandleAsync(Alert("Fired")));
        var retry = await Handler(new RollbackTarget("fraud", Site, false)).HandleAsync(Alert("Fired"));

        Assert.Equal(AzureAlertActions.RollbackStarted, retry.Action);
        Assert.Single(_starter.Requests);
    }

    public static TheoryData<string> PublishedSamples() => [.. Samples.CommonSchemaNames()];

    [Theory]
    [MemberData(nameof(PublishedSamples))]
    public async Task HandleAsync_PublishedSampleWithoutMatchingTarget_StartsNothing(string sample)
    {
        var alert = CommonAlertParser.Parse(Samples.Read(sample)).Alert!;

        var outcome = await Handler(new RollbackTarget("fraud", Site, false)).HandleAsync(alert);

        Assert.Null(outcome.ModelId);
        Assert.Equal(AzureAlertActions.Ignored, outcome.Action);
        Assert.Empty(_starter.Requests);
    }

    [Fact]
    public async Task HandleAsync_PublishedMetricSampleWhoseTargetIsConfigured_StartsTheRollback()
    {
        var alert = CommonAlertParser.Parse(Samples.Read("metric-static-platform.json")).Alert!;
        var target = new RollbackTarget("storage-model", "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/test-RG/providers/Microsoft.Storage/storageAccounts/test-storageAccount", false);

        var outcome = await Handler(target).HandleAsync(alert);

        Assert.Equal(AzureAlertActions.RollbackStarted, outcome.Action);
        Assert.Equal("storage-model", outcome.ModelId);
    }

    [Fact]
    public void RollbackTargetsDocument_IssueShape_YieldsSiteIdsAndRecordPolicy()
    {
        const string json = """{"armEndpoint":"https://management.azure.com","targets":{"fraud":{"subscriptionId":"sub-1","resourceGroup":"rg-fraud","site":"fraud-scorer","standbySlot":"staging","onAzureMonitorAlert":"record"},"broken":{"site":"x"},"odd":3}}""";

        var targets = RollbackTargetsDocument.Parse(json);

        Assert.Equal(2, targets.Count);
        Assert.Equal(new RollbackTarget("fraud", Site, RecordOnly: true), targets[0]);
        Assert.Equal(string.Empty, targets[1].SiteResourceId);
    }

    private sealed class ThrowingStarter : IRollbackStarter
    {
        public Task<RollbackStartResult> StartAsync(RollbackRequest request, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("task hub unavailable");
    }
}
