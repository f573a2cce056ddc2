using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Storage.Tests.Blobs;

public class BlobDeadLetterStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task RedeliveredBatches_AreListedOnce_WithReasonsAndOrigin()
    {
        var container = await azurite.NewContainerAsync("d");
        var store = new BlobDeadLetterStore(container);
        var pipeline = new IngestPipeline(new BlobWindowStore(await azurite.NewContainerAsync("w")), store, Granularity.BaseMinutes(5));
        var batch = BlobWindowStoreTests.Batch(1, 20, i => i % 5 == 0 ? "{broken" : BlobWindowStoreTests.Prediction(i));

        await pipeline.ProcessAsync("3", batch);
        await pipeline.ProcessAsync("3", batch);
        await pipeline.ProcessAsync("3", batch[8..]); // redelivered with other batch boundaries

        var letters = await store.ListAsync().ToListAsync();
        Assert.Equal([5L, 10, 15, 20], letters.Select(l => l.SequenceNumber));
        Assert.All(letters, l =>
        {
            Assert.Equal("3", l.Partition);
            Assert.StartsWith("invalid-json", l.Reason);
            Assert.Equal("{broken", l.Body);
            Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 10, 0, TimeSpan.Zero), l.EnqueuedTime);
        });
    }
}
