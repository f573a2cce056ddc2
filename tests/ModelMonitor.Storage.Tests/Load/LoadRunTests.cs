using ModelMonitor.Benchmarks.Load;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Storage.Tests.Load;

/// <summary>A small version of the load benchmark (<c>-- load</c>): same stream, same storage path, fewer events.</summary>
public class LoadRunTests
{
    private const int Partitions = 4;
    private const int Models = 10;
    private const int Batches = 10;

    [Fact]
    public async Task RealisticStream_WithCache_StaysWithinTenRequestsPerThousandEvents_ReadingEachWindowOnce()
    {
        var stream = new RealisticStream(Partitions, Models, seed: 5);
        var windows = 0;
        long stored = 0;

        var result = await LoadRun.RunAsync(AzuriteFixture.ConnectionString, stream, Batches, useCache: true, inspect: async container =>
        {
            var store = new BlobWindowStore(container);
            await foreach (var item in container.GetBlobsAsync())
            {
                Assert.True(BlobNames.TryParseWindow(item.Name, out var name));
                windows++;
                stored += (await store.ReadAsync(new WindowKey(name.ModelId, name.ModelVersion, name.Granularity, name.WindowStart), name.Leaf[1..]))!.Summary.EventCount;
            }
        });

        Assert.Equal(Partitions * Batches * stream.BatchSize, result.Events);
        Assert.Equal(result.Events, stored);
        // One cold read per window blob (a miss answers 404), never a read before a write on a window we wrote.
        Assert.Equal(windows, result.Reads);
        Assert.InRange(result.RequestsPerThousand, 0, 10);
    }

    [Fact]
    public async Task RealisticStream_WithoutCache_ReadsBeforeEveryWrite_TheBaselineTheCacheHalves()
    {
        var stream = new RealisticStream(Partitions, Models, seed: 5);

        var baseline = await LoadRun.RunAsync(AzuriteFixture.ConnectionString, stream, Batches, useCache: false);
        var cached = await LoadRun.RunAsync(AzuriteFixture.ConnectionString, stream, Batches, useCache: true);

        Assert.Equal(baseline.Writes, baseline.Reads);
        Assert.Equal(baseline.Writes, cached.Writes);
        Assert.True(cached.Requests < baseline.Requests, $"cached {cached.Requests} vs baseline {baseline.Requests}");
    }
}
