using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Recommenders;
using ModelMonitor.Core.Windows;
using ModelMonitor.Service.Checks;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Service.Tests.Checks;

public class FeedbackLoopRunnerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly FeedbackLoopPolicy Policy = new(minDailyImpressions: 500);

    [Fact]
    public async Task RunAsync_NarrowingRecommender_RaisesOnceAndSkipsModelsWithoutItems()
    {
        var windows = await azurite.NewContainerAsync("w");
        var pipeline = new IngestPipeline(new BlobWindowStore(windows), new BlobDeadLetterStore(await azurite.NewContainerAsync("d")), Granularity.BaseMinutes(5));
        var random = new Random(11);
        var messages = new List<(string Body, DateTimeOffset At)>();
        for (int day = 0; day < Policy.HistoryDays; day++)
        {
            // Each day the model draws from a smaller slice of the catalogue: 2,000 items down to 500.
            int catalogue = 2_000 - (day * 250);
            for (int i = 0; i < 150; i++)
            {
                var at = Start.AddDays(day).AddHours(12).AddSeconds(i * 20);
                string items = string.Join(',', Enumerable.Range(0, 10).Select(_ => $"\"sku{(int)(catalogue * Math.Pow(random.NextDouble(), 3))}\""));
                messages.Add((Event("prediction/v1", $"r{day}-{i}", "recs", at, $"\"items\":[{items}]"), at));
                messages.Add((Event("prediction/v1", $"f{day}-{i}", "fraud", at, "\"features\":{\"amount\":1}"), at));
            }
        }

        // Enqueued a second after each event, as a live producer would.
        await pipeline.ProcessAsync("0", [.. messages.Select((m, i) => new IncomingMessage(Encoding.UTF8.GetBytes(m.Body), i, m.At.AddSeconds(1)))]);
        var table = new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient($"t{Guid.NewGuid():N}"[..20]);
        var clock = new FakeTimeProvider(Start.AddDays(Policy.HistoryDays).AddHours(7));
        var runner = new FeedbackLoopRunner(new SummaryReader(windows, Granularity.BaseMinutes(5)), new TableAlertSink(table), clock, Policy, TimeSpan.FromHours(6));

        var first = await runner.RunAsync();
        var second = await runner.RunAsync();

        Assert.Equal(1, first.Evaluated);
        Assert.True(first.AlertsRaised >= 1, "the narrowing recommender raises");
        Assert.Equal(0, second.AlertsRaised);
        var stored = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "recs").ToListAsync();
        Assert.Equal(first.AlertsRaised, stored.Count);
        Assert.Contains(stored, a => (string)a["Kind"] == AlertKind.FeedbackLoop && (string?)a["Subkind"] == FeedbackLoopSubkind.DiversityNarrowing);
        Assert.Empty(await table.QueryAsync<TableEntity>(e => e.PartitionKey == "fraud").ToListAsync());
    }

    private static string Event(string schema, string id, string model, DateTimeOffset at, string body) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"schema\":\"{schema}\",\"eventId\":\"{id}\",\"modelId\":\"{model}\",\"modelVersion\":\"1\",\"timestamp\":\"{at:O}\",{body},\"prediction\":0.5}}");
}
