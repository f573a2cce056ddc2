using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Core.Checks;
using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.AzureMonitor;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Service.Tests.Alerts;

/// <summary>The ops view over rows the real <see cref="TableAlertSink"/> writes, on Azurite.</summary>
public sealed class TableAlertBookTests
{
    private static TableClient NewTable() => new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient($"t{Guid.NewGuid():N}"[..20]);

    [Fact]
    public async Task ListAndAcknowledge_OverSinkRows_FilterByStateAndRecordWho()
    {
        var table = NewTable();
        var sink = new TableAlertSink(table);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await sink.RaiseAsync([
            new MonitorAlert(AlertKind.FeatureDrift, null, "fraud", "v1", "amount", Severity.Critical, start, start.AddMinutes(5), new Dictionary<string, double?>(), "psi 0.4"),
            new MonitorAlert(AlertKind.FeatureDrift, null, "fraud", "v1", "country", Severity.Warning, start, start.AddMinutes(5), new Dictionary<string, double?>(), "psi 0.2"),
        ]);
        var book = new TableAlertBook(table, new FakeTimeProvider(start.AddHours(1)));

        var open = await book.ListAsync("fraud", AlertStates.Open, 10, null);
        var acked = await book.AcknowledgeAsync(open.Items[0].Id, "ana@contoso.com");
        var stillOpen = await book.ListAsync("fraud", AlertStates.Open, 10, null);
        var done = await book.ListAsync("fraud", AlertStates.Acknowledged, 10, null);

        Assert.Equal(2, open.Items.Count);
        Assert.Equal("ana@contoso.com", acked!.AcknowledgedBy);
        Assert.Equal(open.Items[1].Id, Assert.Single(stillOpen.Items).Id);
        Assert.Equal(open.Items[0].Id, Assert.Single(done.Items).Id);
    }

    [Fact]
    public async Task AcknowledgeAsync_UnknownOrMalformedId_ReturnsNull()
    {
        var table = NewTable();
        await table.CreateIfNotExistsAsync();
        var book = new TableAlertBook(table, TimeProvider.System);

        Assert.Null(await book.AcknowledgeAsync("fraud~nope", "ana"));
        Assert.Null(await book.AcknowledgeAsync("no-separator", "ana"));
    }

    [Fact]
    public async Task ReceiptLog_SameAlertAndCondition_IsRecordedOnceAndForgettable()
    {
        var log = new TableAlertReceiptLog(NewTable());
        var fired = new AlertEssentials("a-1", "rule", "Sev1", "Metric", "Fired", "Platform", [], null, null);
        var receipt = new AlertReceipt(fired, "fraud", AzureAlertActions.RollbackStarted, DateTimeOffset.UnixEpoch);

        Assert.True(await log.TryRecordAsync(receipt));
        Assert.False(await log.TryRecordAsync(receipt));
        Assert.True(await log.TryRecordAsync(receipt with { Essentials = fired with { MonitorCondition = "Resolved" } }));
        await log.ForgetAsync(fired);
        Assert.True(await log.TryRecordAsync(receipt));
    }
}
