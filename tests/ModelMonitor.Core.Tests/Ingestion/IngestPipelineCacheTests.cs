using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Tests.Ingestion;

/// <summary>The pipeline with a <see cref="WindowCache"/>: fewer reads, and exactly-once whichever side is newer.</summary>
public class IngestPipelineCacheTests
{
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private static readonly WindowKey FirstWindow = new("fraud", "1", FiveMinutes, EventFactory.Start);
    private readonly ETagReportingWindowStore _store = new();
    private readonly InMemoryDeadLetterStore _deadLetters = new();

    private IngestPipeline CachedPipeline(WindowCache cache) => new(_store, _deadLetters, FiveMinutes, maxParallelWindows: 1, cache: cache);

    private async Task<long> StoredCountAsync(string partition = "0")
    {
        long total = 0;
        foreach (var (key, p) in _store.Keys.Where(k => k.Partition == partition).ToList())
        {
            total += (await _store.ReadAsync(key, p))!.Summary.EventCount;
        }

        return total;
    }

    [Fact]
    public async Task SteadyState_SecondBatch_WritesWithoutReading()
    {
        var pipeline = CachedPipeline(new WindowCache());
        await pipeline.ProcessAsync("0", EventFactory.Batch(1, 100)); // seconds 1..100: one window, cold
        Assert.Equal(1, _store.Reads);

        var second = await pipeline.ProcessAsync("0", EventFactory.Batch(101, 100)); // seconds 101..200: same window

        Assert.Equal(100, second.Folded);
        Assert.Equal(1, _store.Reads);
        Assert.Equal(2, _store.Writes);
        Assert.Equal(200, await StoredCountAsync());
    }

    [Fact]
    public async Task RedeliveryWithWarmCache_SkipsByHighWaterMark_WithoutAnyRequest()
    {
        var pipeline = CachedPipeline(new WindowCache());
        var batch = EventFactory.Batch(1, 100);
        await pipeline.ProcessAsync("0", batch);

        var again = await pipeline.ProcessAsync("0", batch); // crash after the write, before the checkpoint

        Assert.Equal((0, 100), (again.Folded, again.SkippedDuplicates));
        Assert.Equal((1, 1), (_store.Reads, _store.Writes));
        Assert.Equal(100, await StoredCountAsync());
    }

    [Fact]
    public async Task CompetingWriterMovedTheBlobOn_CacheIsStale_WriteIsRefusedThenReadAndNothingIsLost()
    {
        var cache = new WindowCache();
        var ours = CachedPipeline(cache);
        await ours.ProcessAsync("0", EventFactory.Batch(1, 100));

        // During a rebalance another host takes the partition, folds the next batch, then hands it back.
        var theirs = new IngestPipeline(_store, _deadLetters, FiveMinutes, cache: new WindowCache());
        await theirs.ProcessAsync("0", EventFactory.Batch(101, 100));
        // We get redelivered the batch they folded plus new events: our cache knows only up to 100.
        var result = await ours.ProcessAsync("0", EventFactory.Batch(101, 150));

        Assert.Equal(1, result.WriteConflicts);
        Assert.Equal((50, 100), (result.Folded, result.SkippedDuplicates));
        Assert.Equal(250, await StoredCountAsync());
    }

    [Fact]
    public async Task WriteAppliedButResponseLost_StoreIsNewerThanCache_RedeliveryDoesNotDoubleCount()
    {
        var pipeline = CachedPipeline(new WindowCache());
        await pipeline.ProcessAsync("0", EventFactory.Batch(1, 100));
        _store.LoseNextResponse = true;

        await Assert.ThrowsAsync<IOException>(() => pipeline.ProcessAsync("0", EventFactory.Batch(101, 100)));
        var redelivered = await pipeline.ProcessAsync("0", EventFactory.Batch(101, 100));

        Assert.Equal((0, 100), (redelivered.Folded, redelivered.SkippedDuplicates));
        Assert.Equal(200, await StoredCountAsync());
    }

    [Fact]
    public async Task BlobDeletedUnderAWarmCache_CacheIsNewerThanStore_WriteIsRefusedAndWindowStartsFromTheStore()
    {
        var pipeline = CachedPipeline(new WindowCache());
        await pipeline.ProcessAsync("0", EventFactory.Batch(1, 100));
        _store.Delete(FirstWindow, "0"); // quarantined or expired: the store no longer holds what we cached

        var next = await pipeline.ProcessAsync("0", EventFactory.Batch(101, 50));

        // The store is the truth: only what was sent after the loss is in it, never events counted from our memory.
        Assert.Equal(1, next.WriteConflicts);
        Assert.Equal(50, await StoredCountAsync());
    }

    [Fact]
    public async Task NewPipelineAfterACrash_ColdCache_ReadsAndSkipsWhatWasWritten()
    {
        var batch = EventFactory.Batch(1, 100);
        await CachedPipeline(new WindowCache()).ProcessAsync("0", batch);

        var restarted = await CachedPipeline(new WindowCache()).ProcessAsync("0", batch);

        Assert.Equal((0, 100), (restarted.Folded, restarted.SkippedDuplicates));
        Assert.Equal(2, _store.Reads);
        Assert.Equal(100, await StoredCountAsync());
    }
}
