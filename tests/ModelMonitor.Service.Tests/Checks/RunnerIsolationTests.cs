using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Recommenders;
using ModelMonitor.Core.Windows;
using ModelMonitor.Service.Checks;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Service.Tests.Checks;

/// <summary>A corrupt summary of one model fails that model only, in the feedback-loop and abuse runners.</summary>
public sealed class RunnerIsolationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly FeedbackLoopPolicy Policy = new(minDailyImpressions: 500);

    [Fact]
    public async Task FeedbackLoop_CorruptBlobOfOneRecommender_IsCountedAndTheOtherStillRaises()
    {
        var windows = await azurite.NewContainerAsync("w");
        var pipeline = new IngestPipeline(new BlobWindowStore(windows), new BlobDeadLetterStore(await azurite.NewContainerAsync("d")), FiveMinutes);
        var random = new Random(11);
        var messages = new List<IncomingMessage>();
        for (int day = 0; day < Policy.HistoryDays; day++)
        {
            int catalogue = 2_000 - (day * 250);
            for (int i = 0; i < 150; i++)
            {
                var at = Start.AddDays(day).AddHours(12).AddSeconds(i * 20);
                foreach (var model in (string[])["recs", "broken"])
                {
                    string items = string.Join(',', Enumerable.Range(0, 10).Select(_ => $"\"sku{(int)(catalogue * Math.Pow(random.NextDouble(), 3))}\""));
                    var body = string.Create(CultureInfo.InvariantCulture,
                        $"{{\"schema\":\"prediction/v1\",\"eventId\":\"{model}{day}-{i}\",\"modelId\":\"{model}\",\"modelVersion\":\"1\",\"timestamp\":\"{at:O}\",\"items\":[{items}],\"prediction\":0.5}}");
                    messages.Add(new IncomingMessage(Encoding.UTF8.GetBytes(body), messages.Count, at.AddSeconds(1)));
                }
            }
        }

        await pipeline.ProcessAsync("0", messages);
        var corrupt = BlobNames.PartitionWindow(new WindowKey("broken", "1", FiveMinutes, Start.AddDays(3).AddHours(12)), "0");
        await windows.GetBlobClient(corrupt).UploadAsync(BinaryData.FromString("not a gzip summary"), overwrite: true);
        var table = new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient($"t{Guid.NewGuid():N}"[..20]);
        var runner = new FeedbackLoopRunner(new SummaryReader(windows, FiveMinutes), new TableAlertSink(table), new FakeTimeProvider(Start.AddDays(Policy.HistoryDays).AddHours(7)), Policy, TimeSpan.FromHours(6));

        var result = await runner.RunAsync();

        Assert.Equal((1, 1), (result.Evaluated, result.Failed));
        Assert.True(result.AlertsRaised > 0, "the healthy recommender still raises");
        Assert.Empty(await table.QueryAsync<TableEntity>(e => e.PartitionKey == "broken").ToListAsync());
    }

    [Fact]
    public async Task Abuse_CorruptBlobOfOneModel_IsCountedAndTheOtherModelIsEvaluated()
    {
        var windows = await azurite.NewContainerAsync("w");
        var pipeline = new IngestPipeline(new BlobWindowStore(windows), new BlobDeadLetterStore(await azurite.NewContainerAsync("d")), FiveMinutes);
        var judged = Start.AddDays(3).AddHours(13);
        var messages = new List<IncomingMessage>();
        foreach (var model in (string[])["healthy", "broken"])
        {
            for (var i = 0; i < 100; i++)
            {
                var body = string.Create(CultureInfo.InvariantCulture,
                    $"{{\"schema\":\"prediction/v1\",\"eventId\":\"{model}{i}\",\"modelId\":\"{model}\",\"modelVersion\":\"1\",\"timestamp\":\"{judged.AddSeconds(i):O}\",\"callerId\":\"c{i % 5}\",\"prediction\":0.5}}");
                messages.Add(new IncomingMessage(Encoding.UTF8.GetBytes(body), messages.Count, judged.AddMinutes(2)));
            }
        }

        await pipeline.ProcessAsync("0", messages);
        var corrupt = BlobNames.PartitionWindow(new WindowKey("broken", "1", FiveMinutes, judged), "0");
        await windows.GetBlobClient(corrupt).UploadAsync(BinaryData.FromString("not a gzip summary"), overwrite: true);
        var runner = new AbuseCheckRunner(
            new SummaryReader(windows, FiveMinutes),
            AbusePolicy.Default,
            new TableAlertSink(new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient($"t{Guid.NewGuid():N}"[..20])),
            new FakeTimeProvider(judged.AddHours(1).AddMinutes(10)),
            NullLogger<AbuseCheckRunner>.Instance,
            historyDays: 4);

        var result = await runner.RunAsync();

        Assert.Equal((1, 1), (result.ModelsEvaluated, result.ModelsFailed));
    }
}
