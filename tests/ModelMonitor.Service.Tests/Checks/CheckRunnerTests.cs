using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Service.Checks;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Service.Tests.Checks;

public class CheckRunnerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private static readonly DateTimeOffset Hour = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static string Prediction(int i, double amount, string country) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"schema\":\"prediction/v1\",\"eventId\":\"e{i}\",\"modelId\":\"fraud\",\"modelVersion\":\"1\",\"timestamp\":\"{Hour.AddSeconds(i % 3600):O}\",\"features\":{{\"amount\":{amount},\"country\":\"{country}\"}},\"prediction\":0.5}}");

    private static List<IncomingMessage> Batch(int first, int count, Func<int, string> body) =>
        [.. Enumerable.Range(first, count).Select(i => new IncomingMessage(Encoding.UTF8.GetBytes(body(i)), i, Hour.AddHours(1)))];

    private sealed record Setup(CheckRunner Runner, TableClient Alerts, IngestPipeline Pipeline, BlobContainerClientHolder Containers);

    private sealed record BlobContainerClientHolder(Azure.Storage.Blobs.BlobContainerClient Windows, Azure.Storage.Blobs.BlobContainerClient Results, Azure.Storage.Blobs.BlobContainerClient References);

    private async Task<Setup> SetupAsync(DateTimeOffset? now = null, TimeSpan? lookback = null)
    {
        var windows = await azurite.NewContainerAsync("w");
        var results = await azurite.NewContainerAsync("r");
        var references = await azurite.NewContainerAsync("f");
        var alerts = new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient($"t{Guid.NewGuid():N}"[..20]);
        var reader = new SummaryReader(windows, FiveMinutes);
        var clock = new FakeTimeProvider(now ?? Hour.AddHours(2));
        var runner = new CheckRunner(reader, new ReferenceStore(references), new CheckResultStore(results), new TableAlertSink(alerts), clock, CheckPolicy.Default, lookback ?? TimeSpan.FromHours(6));
        var pipeline = new IngestPipeline(new BlobWindowStore(windows), new BlobDeadLetterStore(await azurite.NewContainerAsync("d")), FiveMinutes);
        return new Setup(runner, alerts, pipeline, new BlobContainerClientHolder(windows, results, references));
    }

    private static WindowSummary Reference(int n)
    {
        var random = new Random(1);
        var summary = new WindowSummary("fraud", "1", Hour.AddDays(-30), Hour.AddDays(-1));
        for (var i = 0; i < n; i++)
        {
            summary.Add(new Core.Events.MonitoringEvent
            {
                Kind = Core.Events.EventKind.Prediction, EventId = "r", ModelId = "fraud", ModelVersion = "1", Timestamp = Hour,
                Features = [new("amount", Core.Events.FieldValue.FromNumber(random.NextDouble() * 100)), new("country", Core.Events.FieldValue.FromString(random.Next(2) == 0 ? "DE" : "FR"))],
                Prediction = Core.Events.FieldValue.FromNumber(0.5),
            });
        }

        return summary;
    }

    [Fact]
    public async Task RunAsync_DriftedHour_WritesResultsAndRaisesAlertsOnce()
    {
        var setup = await SetupAsync();
        await new ReferenceStore(setup.Containers.References).SaveAsync("fraud", null, Reference(5000));
        var random = new Random(2);
        // The current hour: amounts shifted far up, and a category never seen in the reference.
        await setup.Pipeline.ProcessAsync("0", Batch(1, 3000, i => Prediction(i, 200 + (random.NextDouble() * 100), i % 10 == 0 ? "XX" : "DE")));

        var first = await setup.Runner.RunAsync();
        var second = await setup.Runner.RunAsync();

        Assert.Equal(12, first.Evaluated); // 11 five-minute windows (10:00-10:50) and the hour
        Assert.True(first.AlertsRaised > 0);
        Assert.Equal(0, second.Evaluated);
        Assert.Equal(12, second.Unchanged);
        Assert.Equal(0, second.AlertsRaised);
        var alerts = await setup.Alerts.QueryAsync<TableEntity>(e => e.PartitionKey == "fraud").ToListAsync();
        Assert.Equal(first.AlertsRaised, alerts.Count);
        Assert.Contains(alerts, a => (string)a["Kind"] == "feature-drift" && (string)a["Feature"] == "amount");
        Assert.Contains(alerts, a => (string)a["Kind"] == "data-quality" && (string?)a["Subkind"] == "unseen-category");
        var hourResult = await new CheckResultStore(setup.Containers.Results).ReadAsync(CheckResultStore.BlobName("1h", "fraud", "1", Hour));
        Assert.NotNull(hourResult);
        Assert.Contains("\"amount\"", hourResult!.ToString());
    }

    [Fact]
    public async Task RunAsync_LateEventsChangeAWindow_OnlyThatWindowAndItsHourAreEvaluatedAgain()
    {
        var setup = await SetupAsync();
        await new ReferenceStore(setup.Containers.References).SaveAsync("fraud", "1", Reference(2000));
        await setup.Pipeline.ProcessAsync("0", Batch(1, 1200, i => Prediction(i, i % 100, "DE")));
        await setup.Runner.RunAsync();

        await setup.Pipeline.ProcessAsync("0", Batch(5000, 1, _ => Prediction(7, 50, "DE")));
        var again = await setup.Runner.RunAsync();

        Assert.Equal(2, again.Evaluated);
        Assert.Equal(4, again.Unchanged); // 10:05-10:20 unchanged
    }

    [Fact]
    public async Task RunAsync_NoReferenceAndNoHistory_EvaluatesNothingAndSaysSo()
    {
        var setup = await SetupAsync();
        await setup.Pipeline.ProcessAsync("0", Batch(1, 10, i => Prediction(i, i, "DE")));

        var result = await setup.Runner.RunAsync();

        Assert.Equal(0, result.Evaluated);
        Assert.True(result.WithoutReference > 0);
    }

    [Fact]
    public async Task RunAsync_LookbackStartsMidHour_ThatHourIsNotEvaluatedAsAWhole()
    {
        // Lookback from 12:30 back 2 h 15 min starts at 10:15: windows 10:15-10:50 are in, the hour 10:00 is not whole.
        var setup = await SetupAsync(now: Hour.AddHours(2).AddMinutes(30), lookback: TimeSpan.FromMinutes(135));
        await new ReferenceStore(setup.Containers.References).SaveAsync("fraud", null, Reference(2000));
        await setup.Pipeline.ProcessAsync("0", Batch(1, 3000, i => Prediction(i, i % 100, "DE")));

        var result = await setup.Runner.RunAsync();

        Assert.Equal(8, result.Evaluated);
        Assert.Null(await new CheckResultStore(setup.Containers.Results).ReadAsync(CheckResultStore.BlobName("1h", "fraud", "1", Hour)));
    }
}
