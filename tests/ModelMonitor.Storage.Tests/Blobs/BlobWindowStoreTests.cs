using System.Text;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Storage.Tests.Blobs;

public class BlobWindowStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private static readonly WindowKey Key = new("fraud", "1", FiveMinutes, Start);

    internal static string Prediction(int i, string model = "fraud", int minute = 0) => $$"""
        {"schema":"prediction/v1","eventId":"e{{i}}","modelId":"{{model}}","modelVersion":"1","timestamp":"2026-11-25T10:{{minute:D2}}:00Z","features":{"x":{{i}}},"latencyMs":{{i % 7}}}
        """;

    internal static List<IncomingMessage> Batch(int first, int count, Func<int, string>? body = null) =>
        [.. Enumerable.Range(first, count).Select(i => new IncomingMessage(Encoding.UTF8.GetBytes((body ?? (n => Prediction(n)))(i)), i, Start.AddMinutes(10)))];

    [Fact]
    public async Task ReadAsync_Missing_ReturnsNull()
    {
        var store = new BlobWindowStore(await azurite.NewContainerAsync("w"));
        Assert.Null(await store.ReadAsync(Key, "0"));
    }

    [Fact]
    public async Task TryWriteAsync_WithStaleETag_IsRefused_AndNothingIsLost()
    {
        var store = new BlobWindowStore(await azurite.NewContainerAsync("w"));
        var summary = new WindowSummary("fraud", "1", Start, Start.AddMinutes(5));
        Assert.True(await store.TryWriteAsync(Key, "0", new StoredWindow(summary, 5, null), expectedETag: null));
        Assert.False(await store.TryWriteAsync(Key, "0", new StoredWindow(summary, 6, null), expectedETag: null));

        var first = (await store.ReadAsync(Key, "0"))!;
        var second = (await store.ReadAsync(Key, "0"))!;
        Assert.True(await store.TryWriteAsync(Key, "0", first with { LastSequenceNumber = 7 }, first.ETag));
        Assert.False(await store.TryWriteAsync(Key, "0", second with { LastSequenceNumber = 8 }, second.ETag));

        Assert.Equal(7, (await store.ReadAsync(Key, "0"))!.LastSequenceNumber);
    }

    [Fact]
    public async Task ConcurrentConsumersOfOnePartition_SameBatch_CountEveryEventOnce()
    {
        // During a rebalance two hosts can briefly process the same partition's batch.
        var container = await azurite.NewContainerAsync("w");
        var deadLetters = new BlobDeadLetterStore(await azurite.NewContainerAsync("d"));
        var batch = Batch(1, 500);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => new IngestPipeline(new BlobWindowStore(container), deadLetters, FiveMinutes).ProcessAsync("0", batch))));

        Assert.Equal(500, results.Sum(r => r.Folded));
        Assert.Equal(6 * 500, results.Sum(r => r.Folded + r.SkippedDuplicates));
        var stored = (await new BlobWindowStore(container).ReadAsync(Key, "0"))!;
        Assert.Equal(500, stored.Summary.EventCount);
        Assert.Equal(500, stored.LastSequenceNumber);
        Assert.Equal(Enumerable.Range(1, 500).Average(), stored.Summary.Features["x"].Numeric!.Mean, 9);
    }

    [Fact]
    public async Task ConcurrentWritersOnOneBlob_NoLostUpdate()
    {
        // Each writer folds its own events into the same blob with read-modify-conditional-write.
        var container = await azurite.NewContainerAsync("w");
        var store = new BlobWindowStore(container);
        const int writers = 8;
        const int perWriter = 25;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                while (true)
                {
                    var stored = await store.ReadAsync(Key, "0");
                    var summary = stored?.Summary ?? new WindowSummary("fraud", "1", Start, Start.AddMinutes(5));
                    summary.Add(new Core.Events.MonitoringEvent { Kind = Core.Events.EventKind.Prediction, EventId = "e", ModelId = "fraud", ModelVersion = "1", Timestamp = Start, LatencyMs = w });
                    if (await store.TryWriteAsync(Key, "0", new StoredWindow(summary, 0, stored?.ETag), stored?.ETag))
                    {
                        break;
                    }
                }
            }
        })));

        var final = (await store.ReadAsync(Key, "0"))!.Summary;
        Assert.Equal(writers * perWriter, final.EventCount);
        Assert.Equal(Enumerable.Range(0, writers).Average(), final.LatencyMs.Mean, 9);
    }

    [Fact]
    public async Task Pipeline_PartitionsWriteSeparateBlobs_MergedByTheReader()
    {
        var container = await azurite.NewContainerAsync("w");
        var deadLetters = new BlobDeadLetterStore(await azurite.NewContainerAsync("d"));
        var pipeline = new IngestPipeline(new BlobWindowStore(container), deadLetters, FiveMinutes);

        await pipeline.ProcessAsync("0", Batch(1, 100));
        await pipeline.ProcessAsync("1", Batch(1, 50, i => Prediction(i + 1000)));

        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        Assert.Equal(["5m/fraud/1/20261125T1000Z/p0", "5m/fraud/1/20261125T1000Z/p1"], names);
        var merged = await new SummaryReader(container, FiveMinutes).ReadRangeAsync("fraud", "1", Start, Start.AddHours(1));
        Assert.Equal(150, merged!.EventCount);
    }
}
