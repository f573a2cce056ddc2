using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Storage.Tests.Blobs;

public class RollupServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);

    [Fact]
    public async Task Rollups_MergeAllPartitions_AndReRunOnlyWhenSourcesChange()
    {
        var container = await azurite.NewContainerAsync("w");
        var pipeline = new IngestPipeline(new BlobWindowStore(container), new BlobDeadLetterStore(await azurite.NewContainerAsync("d")), FiveMinutes);
        // 10:00-10:59 in two partitions, 12 windows each.
        await pipeline.ProcessAsync("0", BlobWindowStoreTests.Batch(1, 120, i => BlobWindowStoreTests.Prediction(i, minute: i % 60)));
        await pipeline.ProcessAsync("1", BlobWindowStoreTests.Batch(1, 60, i => BlobWindowStoreTests.Prediction(i, minute: i % 60)));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));
        var reader = new SummaryReader(container, FiveMinutes);
        var rollups = new RollupService(container, reader, clock);

        var hourly = await rollups.RunAsync(Granularity.Hour, TimeSpan.FromHours(24));
        var daily = await rollups.RunAsync(Granularity.Day, TimeSpan.FromHours(48));
        var again = await rollups.RunAsync(Granularity.Hour, TimeSpan.FromHours(24));

        Assert.Equal(1, hourly.Written);
        Assert.Equal(1, daily.Written);
        Assert.Equal(0, again.Written);
        Assert.Equal(1, again.Unchanged);
        var day = await reader.ReadBlobAsync("1d/fraud/1/20261125T0000Z/rollup");
        Assert.Equal(180, day!.EventCount);

        // A late event changes an hour's sources: only that hour is rewritten.
        await pipeline.ProcessAsync("1", BlobWindowStoreTests.Batch(61, 1, i => BlobWindowStoreTests.Prediction(i, minute: 30)));
        var afterLate = await rollups.RunAsync(Granularity.Hour, TimeSpan.FromHours(24));
        Assert.Equal(1, afterLate.Written);
        Assert.Equal(181, (await reader.ReadBlobAsync("1h/fraud/1/20261125T1000Z/rollup"))!.EventCount);
    }

    [Fact]
    public async Task ReadRange_SkipsRollupsWrittenBeforeTheirSourcesChanged_AndFallsBackToBaseWindows()
    {
        var container = await azurite.NewContainerAsync("w");
        var pipeline = new IngestPipeline(new BlobWindowStore(container), new BlobDeadLetterStore(await azurite.NewContainerAsync("d")), FiveMinutes);
        await pipeline.ProcessAsync("0", BlobWindowStoreTests.Batch(1, 120, i => BlobWindowStoreTests.Prediction(i, minute: i % 60)));
        var reader = new SummaryReader(container, FiveMinutes);
        var start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

        var beforeRollup = await reader.ReadRangeAsync("fraud", null, start, start.AddDays(1));
        await new RollupService(container, reader, new FakeTimeProvider(start.AddDays(2))).RunAsync(Granularity.Hour, TimeSpan.FromDays(3));

        // A late event lands in a base window after the roll-up was written and before it is re-run: the base
        // windows now hold 121 events and the roll-up still 120, so the counts tell which one the reader used. The
        // roll-up is stale and the reader must not prefer it.
        await pipeline.ProcessAsync("0", BlobWindowStoreTests.Batch(121, 1, i => BlobWindowStoreTests.Prediction(i, minute: 45)));
        var viaHourly = await reader.ReadRangeAsync("fraud", null, start, start.AddDays(1));
        var partial = await reader.ReadRangeAsync("fraud", "1", start.AddHours(10).AddMinutes(30), start.AddHours(11));

        Assert.Equal(120, beforeRollup!.EventCount);
        Assert.Equal(121, viaHourly!.EventCount);
        // Half an hour is no whole roll-up: base windows, including the late event at 10:45.
        Assert.Equal(61, partial!.EventCount);
        Assert.Null(await reader.ReadRangeAsync("fraud", "1", start.AddDays(5), start.AddDays(6)));
    }

    [Fact]
    public async Task ReadRange_CurrentRollup_IsPreferredOverItsBaseWindows()
    {
        var container = await azurite.NewContainerAsync("w");
        var pipeline = new IngestPipeline(new BlobWindowStore(container), new BlobDeadLetterStore(await azurite.NewContainerAsync("d")), FiveMinutes);
        await pipeline.ProcessAsync("0", BlobWindowStoreTests.Batch(1, 120, i => BlobWindowStoreTests.Prediction(i, minute: i % 60)));
        var reader = new SummaryReader(container, FiveMinutes);
        var start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        await new RollupService(container, reader, new FakeTimeProvider(start.AddDays(2))).RunAsync(Granularity.Day, TimeSpan.FromDays(3));

        // Doctor the daily roll-up's content (metadata untouched): a reader that uses it sees 7 events, not 120.
        var name = BlobNames.Rollup(new WindowKey("fraud", "1", Granularity.Day, start));
        var blob = container.GetBlobClient(name);
        var metadata = (await blob.GetPropertiesAsync()).Value.Metadata;
        var doctored = new ModelMonitor.Core.Summaries.WindowSummary("fraud", "1", start, start.AddDays(1));
        for (var i = 0; i < 7; i++)
        {
            doctored.Add(new ModelMonitor.Core.Events.MonitoringEvent { Kind = ModelMonitor.Core.Events.EventKind.Prediction, EventId = "x", ModelId = "fraud", ModelVersion = "1", Timestamp = start });
        }

        await blob.UploadAsync(BinaryData.FromBytes(ModelMonitor.Core.Summaries.Serialization.WindowSummarySerializer.Serialize(doctored)), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = metadata });

        var read = await reader.ReadRangeAsync("fraud", "1", start, start.AddDays(1));

        Assert.Equal(7, read!.EventCount);
    }
}
