using System.Text;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Summaries.Serialization;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Tests.Ingestion;

public class IngestPipelineTests
{
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private readonly InMemoryWindowStore _store = new();
    private readonly InMemoryDeadLetterStore _deadLetters = new();

    private IngestPipeline Pipeline(IWindowStore? store = null) => new(store ?? _store, _deadLetters, FiveMinutes);

    private async Task<WindowSummary> TotalAsync(IWindowStore? store = null)
    {
        var s = (InMemoryWindowStore)(store ?? _store);
        WindowSummary? total = null;
        foreach (var (key, partition) in s.Keys.ToList())
        {
            var w = (await s.ReadAsync(key, partition))!.Summary;
            if (total is null)
            {
                total = w;
            }
            else
            {
                total.Merge(w);
            }
        }

        return total!;
    }

    [Fact]
    public async Task ProcessAsync_SameBatchTwice_CountsEveryEventOnce()
    {
        var batch = EventFactory.Batch(1, 900);

        var first = await Pipeline().ProcessAsync("0", batch);
        var second = await Pipeline().ProcessAsync("0", batch);

        Assert.Equal(new IngestResult(900, 900, 0, 0, 4, 0), first); // seconds 1..900 span four 5-minute windows
        Assert.Equal(900, second.Received);
        Assert.Equal(0, second.Folded);
        Assert.Equal(900, second.SkippedDuplicates);
        Assert.Equal(900, (await TotalAsync()).EventCount);
    }

    [Fact]
    public async Task ProcessAsync_OverlappingRedelivery_FoldsOnlyTheNewEvents()
    {
        await Pipeline().ProcessAsync("0", EventFactory.Batch(1, 500));
        var redelivered = await Pipeline().ProcessAsync("0", EventFactory.Batch(301, 500));

        Assert.Equal(300, redelivered.Folded);
        Assert.Equal(200, redelivered.SkippedDuplicates);
        var total = await TotalAsync();
        Assert.Equal(800, total.EventCount);
        Assert.Equal(Enumerable.Range(1, 800).Sum(i => (double)i) / 800, total.Features["amount"].Numeric!.Mean, 9);
    }

    [Fact]
    public async Task ProcessAsync_MalformedEvents_AreDeadLetteredWhileTheRestIsFolded()
    {
        var bodies = new Dictionary<int, string>
        {
            [3] = "{not json",
            [5] = """{"schema":"prediction/v1","eventId":"x","modelId":"../etc","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z"}""",
            [7] = """{"schema":"prediction/v1","modelId":"fraud","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z"}""",
            [9] = """{"schema":"prediction/v1","eventId":"x","modelId":"fraud","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z","latencyMs":"slow"}""",
        };
        var batch = EventFactory.Batch(1, 10, i => bodies.GetValueOrDefault(i) ?? EventFactory.Prediction(i));
        batch.Add(new IncomingMessage(new byte[] { 0xff, 0xfe, 0x00 }, 11, EventFactory.Start));

        var result = await Pipeline().ProcessAsync("0", batch);

        Assert.Equal(new IngestResult(11, 6, 5, 0, 1, 0), result);
        var letters = await _deadLetters.ListAsync().ToListAsync();
        Assert.Equal([3L, 5, 7, 9, 11], letters.Select(l => l.SequenceNumber));
        Assert.StartsWith("invalid-json", letters[0].Reason);
        Assert.StartsWith("invalid-field: modelId", letters[1].Reason);
        Assert.StartsWith("missing-field: eventId", letters[2].Reason);
        Assert.StartsWith("wrong-type: latencyMs", letters[3].Reason);
        Assert.Equal("{not json", letters[0].Body);
        Assert.Equal("base64", letters[4].BodyEncoding);
        Assert.Equal(new byte[] { 0xff, 0xfe, 0x00 }, Convert.FromBase64String(letters[4].Body));
        Assert.Equal(1, _deadLetters.Writes);
        Assert.Equal(6, (await TotalAsync()).EventCount);
    }

    [Fact]
    public async Task ProcessAsync_IoBudget_OneReadAndOneWritePerWindow()
    {
        // 1,000 events over 3 models x 4 windows.
        var batch = EventFactory.Batch(1, 1000, i => EventFactory.Prediction(i, model: $"m{i % 3}", offset: TimeSpan.FromMinutes(i % 20)));

        var result = await Pipeline().ProcessAsync("0", batch);

        Assert.Equal(12, result.WindowsWritten);
        Assert.Equal(12, _store.Reads);
        Assert.Equal(12, _store.Writes);
        Assert.Equal(0, _deadLetters.Writes);
    }

    [Fact]
    public async Task ProcessAsync_StorageDownMidBatchThenBack_ExactTotals()
    {
        var flaky = new FlakyWindowStore(failAfterWrites: 2);
        var batch = EventFactory.Batch(1, 1000, i => EventFactory.Prediction(i, offset: TimeSpan.FromMinutes(i % 30)));

        // The trigger's retry policy re-runs the whole batch until storage recovers.
        await Assert.ThrowsAsync<IOException>(() => Pipeline(flaky).ProcessAsync("0", batch));
        flaky.Healthy = true;
        var retry = await Pipeline(flaky).ProcessAsync("0", batch);

        Assert.True(retry.SkippedDuplicates > 0, "windows written before the outage must be skipped on retry");
        var total = await TotalAsync(flaky);
        Assert.Equal(1000, total.EventCount);
        Assert.Equal(Enumerable.Range(1, 1000).Sum(i => (double)i) / 1000, total.Features["amount"].Numeric!.Mean, 9);
        Assert.Equal(1000, total.Features["country"].Categories!.TotalCount);
    }

    [Fact]
    public async Task ProcessAsync_ConcurrentWriterChangesTheBlob_RetriesAndLosesNothing()
    {
        var racing = new RacingWindowStore();
        await Pipeline(racing).ProcessAsync("0", EventFactory.Batch(1, 100));
        racing.InterfereOnce = () => Pipeline(racing.Inner).ProcessAsync("0", EventFactory.Batch(101, 50)).GetAwaiter().GetResult();

        var result = await Pipeline(racing).ProcessAsync("0", EventFactory.Batch(101, 100));

        Assert.Equal(1, result.WriteConflicts);
        Assert.Equal(50, result.SkippedDuplicates);
        Assert.Equal(50, result.Folded);
        Assert.Equal(200, (await TotalAsync(racing.Inner)).EventCount);
    }

    [Fact]
    public async Task ProcessAsync_LateEvents_LandInTheirOwnWindow()
    {
        await Pipeline().ProcessAsync("0", EventFactory.Batch(1, 10));
        var late = EventFactory.Batch(11, 5, i => EventFactory.Prediction(i, offset: TimeSpan.FromHours(-3)));

        await Pipeline().ProcessAsync("0", late);

        var windows = _store.Keys.Select(k => k.Key.WindowStart).Distinct().Order().ToList();
        Assert.Equal([EventFactory.Start.AddHours(-3), EventFactory.Start], windows);
    }

    [Fact]
    public async Task ProcessAsync_OutcomeEvents_FoldIntoThePredictionsWindow()
    {
        var outcome = """
            {"schema":"outcome/v1","eventId":"e-1","modelId":"fraud","modelVersion":"1","timestamp":"2026-11-25T10:00:01Z","observedAt":"2026-11-27T10:00:00Z","label":1,"prediction":0.9}
            """;
        var batch = new List<IncomingMessage> { new(Encoding.UTF8.GetBytes(outcome), 1, EventFactory.Start.AddDays(2)) };

        await Pipeline().ProcessAsync("0", batch);

        var summary = await TotalAsync();
        Assert.Equal(EventFactory.Start, summary.WindowStart);
        Assert.Equal(0, summary.EventCount);
        Assert.Equal(1, summary.Outcomes.Count);
        Assert.Equal(1, summary.Outcomes.Calibration.Positives[9]);
    }

    private sealed class FlakyWindowStore(int failAfterWrites) : InMemoryWindowStore
    {
        public bool Healthy { get; set; }

        public override Task<bool> TryWriteAsync(WindowKey key, string partition, StoredWindow window, string? expectedETag, CancellationToken cancellationToken = default)
        {
            if (!Healthy && Writes >= failAfterWrites)
            {
                throw new IOException("storage unavailable");
            }

            return base.TryWriteAsync(key, partition, window, expectedETag, cancellationToken);
        }
    }

    private sealed class RacingWindowStore : IWindowStore
    {
        public InMemoryWindowStore Inner { get; } = new();

        public Action? InterfereOnce { get; set; }

        public Task<StoredWindow?> ReadAsync(WindowKey key, string partition, CancellationToken cancellationToken = default) =>
            Inner.ReadAsync(key, partition, cancellationToken);

        public Task<bool> TryWriteAsync(WindowKey key, string partition, StoredWindow window, string? expectedETag, CancellationToken cancellationToken = default)
        {
            var interfere = InterfereOnce;
            InterfereOnce = null;
            interfere?.Invoke();
            return Inner.TryWriteAsync(key, partition, window, expectedETag, cancellationToken);
        }
    }
}
