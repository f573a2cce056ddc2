using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Tests.Ingestion;

public class WindowCacheTests
{
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);

    private static WindowKey Key(int minute) => new("fraud", "1", FiveMinutes, EventFactory.Start.AddMinutes(minute * 5));

    private static StoredWindow Window(int minute, string? etag = "\"1\"")
    {
        var key = Key(minute);
        return new StoredWindow(new WindowSummary(key.ModelId, key.ModelVersion, key.WindowStart, key.WindowEnd), minute, etag);
    }

    [Fact]
    public void TryTake_RemovesTheEntry_SoAFailedWriteLeavesNothingStale()
    {
        var cache = new WindowCache();
        cache.Put("0", Key(0), Window(0));

        Assert.True(cache.TryTake("0", Key(0), out var taken));
        Assert.Equal(0, taken.LastSequenceNumber);
        Assert.False(cache.TryTake("0", Key(0), out _));
    }

    [Fact]
    public void Put_OverTheCap_EvictsTheLeastRecentlyUsed()
    {
        var cache = new WindowCache(maxWindowsPerPartition: 2);
        cache.Put("0", Key(0), Window(0));
        cache.Put("0", Key(1), Window(1));
        Assert.True(cache.TryTake("0", Key(0), out var zero));
        cache.Put("0", Key(0), zero); // 0 is now the most recent, 1 the least
        cache.Put("0", Key(2), Window(2));

        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryTake("0", Key(1), out _));
        Assert.True(cache.TryTake("0", Key(0), out _));
        Assert.True(cache.TryTake("0", Key(2), out _));
    }

    [Fact]
    public void Partitions_AreSeparate_AndCappedEachOnTheirOwn()
    {
        var cache = new WindowCache(maxWindowsPerPartition: 1);
        cache.Put("0", Key(0), Window(0));
        cache.Put("1", Key(0), Window(7));

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryTake("1", Key(0), out var other));
        Assert.Equal(7, other.LastSequenceNumber);
        cache.Forget("0");
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Put_WithoutETag_IsIgnored_BecauseTheNextWriteCouldNotBeConditional()
    {
        var cache = new WindowCache();
        cache.Put("0", Key(0), Window(0, etag: null));

        Assert.Equal(0, cache.Count);
    }
}
