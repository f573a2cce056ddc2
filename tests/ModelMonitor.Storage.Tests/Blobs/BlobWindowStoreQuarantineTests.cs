using System.Text;
using Azure.Storage.Blobs.Models;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Storage.Tests.Blobs;

public class BlobWindowStoreQuarantineTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private static readonly WindowKey Key = new("fraud", "1", FiveMinutes, Start);

    [Fact]
    public async Task CorruptWindowBlob_IsMovedToQuarantine_WithReason_AndTheBatchIsCountedInAFreshWindow()
    {
        var container = await azurite.NewContainerAsync("w");
        var name = BlobNames.PartitionWindow(Key, "0");
        var garbage = Encoding.UTF8.GetBytes("{ not a summary");
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(garbage), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["lastsequence"] = "999" } });
        var seen = new List<QuarantinedWindow>();
        var store = new BlobWindowStore(container, quarantined: seen.Add);
        var pipeline = new IngestPipeline(store, new BlobDeadLetterStore(await azurite.NewContainerAsync("d")), FiveMinutes, cache: new WindowCache());

        var result = await pipeline.ProcessAsync("0", BlobWindowStoreTests.Batch(1, 40));

        Assert.Equal(40, result.Folded);
        var stored = (await store.ReadAsync(Key, "0"))!;
        Assert.Equal(40, stored.Summary.EventCount);
        Assert.Equal(40, stored.LastSequenceNumber);
        var moved = Assert.Single(seen);
        Assert.Equal(name, moved.BlobName);
        Assert.StartsWith(BlobWindowStore.QuarantinePrefix + name + "/", moved.QuarantineName, StringComparison.Ordinal);
        var aside = container.GetBlobClient(moved.QuarantineName);
        var properties = (await aside.GetPropertiesAsync()).Value;
        Assert.Contains("not a valid", properties.Metadata[BlobWindowStore.QuarantineReasonMetadata], StringComparison.Ordinal);
        Assert.Equal(garbage, (await aside.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task WindowBlobWithoutHighWaterMetadata_IsQuarantined_NotTrustedWithASequenceItDoesNotHave()
    {
        var container = await azurite.NewContainerAsync("w");
        var name = BlobNames.PartitionWindow(Key, "0");
        var valid = Core.Summaries.Serialization.WindowSummarySerializer.Serialize(new WindowSummary("fraud", "1", Start, Start.AddMinutes(5)));
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(valid));
        var seen = new List<QuarantinedWindow>();

        var read = await new BlobWindowStore(container, quarantined: seen.Add).ReadAsync(Key, "0");

        Assert.Null(read);
        Assert.Contains(BlobWindowStore.LastSequenceMetadata, Assert.Single(seen).Reason, StringComparison.Ordinal);
        Assert.False((await container.GetBlobClient(name).ExistsAsync()).Value);
    }

    [Fact]
    public async Task SummaryReader_IgnoresQuarantinedBlobs()
    {
        var container = await azurite.NewContainerAsync("w");
        await container.GetBlobClient(BlobNames.PartitionWindow(Key, "0")).UploadAsync(BinaryData.FromString("garbage"));
        var store = new BlobWindowStore(container);
        await new IngestPipeline(store, new BlobDeadLetterStore(await azurite.NewContainerAsync("d")), FiveMinutes).ProcessAsync("0", BlobWindowStoreTests.Batch(1, 10));

        var merged = await new SummaryReader(container, FiveMinutes).ReadRangeAsync("fraud", "1", Start, Start.AddHours(1));

        Assert.Equal(10, merged!.EventCount);
    }

    [Fact]
    public async Task WriteAsync_ReturnsTheETagAReadSees_AndIfMatchOnADeletedBlobIsRefused()
    {
        var container = await azurite.NewContainerAsync("w");
        var store = new BlobWindowStore(container);
        var summary = new WindowSummary("fraud", "1", Start, Start.AddMinutes(5));

        var written = await store.WriteAsync(Key, "0", new StoredWindow(summary, 3, null), expectedETag: null);
        Assert.True(written.Written);
        Assert.Equal((await store.ReadAsync(Key, "0"))!.ETag, written.ETag);

        await container.GetBlobClient(BlobNames.PartitionWindow(Key, "0")).DeleteAsync();
        var refused = await store.WriteAsync(Key, "0", new StoredWindow(summary, 4, written.ETag), written.ETag);
        Assert.False(refused.Written);
    }
}
