using ModelMonitor.Cli.Demo;
using ModelMonitor.Cli.Sources;

namespace ModelMonitor.Cli.Tests.Demo;

public sealed class SyntheticEventSourceTests
{
    [Fact]
    public async Task ReadBatchesAsync_NumbersEachPartitionFromZeroInBatchesOfAtMostTheLimit()
    {
        var settings = new DemoSettings(new DateTimeOffset(2003, 6, 1, 0, 0, 0, TimeSpan.Zero), 1, DemoModels.All, 42, 60);
        var source = new SyntheticEventSource(new SyntheticStream(settings), settings);
        var batches = new List<PartitionBatch>();

        await foreach (var batch in source.ReadBatchesAsync())
        {
            batches.Add(batch);
        }

        Assert.All(batches, b => Assert.InRange(b.Messages.Count, 1, PartitionBatch.MaxMessages));
        Assert.All(batches, b => Assert.Contains(b.Partition, Enumerable.Range(0, 4).Select(settings.PartitionName)));
        foreach (var partition in batches.GroupBy(b => b.Partition))
        {
            var sequence = partition.SelectMany(b => b.Messages).Select(m => m.SequenceNumber).ToList();
            Assert.Equal(Enumerable.Range(0, sequence.Count).Select(i => (long)i), sequence);
        }

        Assert.Equal(1.0, source.Progress);
    }

    [Fact]
    public void PartitionName_DependsOnTheSettings()
    {
        var start = new DateTimeOffset(2003, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var settings = new DemoSettings(start, 1, DemoModels.All, 42, 60);

        Assert.Equal(settings.PartitionName(2), new DemoSettings(start, 1, DemoModels.All, 42, 60).PartitionName(2));
        Assert.NotEqual(settings.PartitionName(2), (settings with { Seed = 43 }).PartitionName(2));
        Assert.NotEqual(settings.PartitionName(2), new DemoSettings(start.AddDays(1), 1, DemoModels.All, 42, 60).PartitionName(2));
        Assert.Matches("^demo[0-9a-f]{8}-2$", settings.PartitionName(2));
    }

    [Fact]
    public void Partition_IsStableForAKey()
    {
        Assert.Equal(DemoSeeds.Partition(DemoModels.Fraud, 4), DemoSeeds.Partition(DemoModels.Fraud, 4));
        Assert.InRange(DemoSeeds.Partition("../x", 4), 0, 3);
    }
}
