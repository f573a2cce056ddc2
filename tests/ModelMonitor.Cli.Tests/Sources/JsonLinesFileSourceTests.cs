using System.Text;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Cli.Sources;
using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Sources;

public sealed class JsonLinesFileSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadBatchesAsync_BlankLines_AreSkippedButKeepTheirNumbers()
    {
        var path = await EventLines.WriteFileAsync(["a", "", "  \t", "b"]);

        var batches = await ReadAllAsync(new JsonLinesFileSource(path, "p", new FakeTimeProvider(Now)));

        var batch = Assert.Single(batches);
        Assert.Equal("p", batch.Partition);
        Assert.Equal([1L, 4L], batch.Messages.Select(m => m.SequenceNumber));
        Assert.Equal(["a", "b"], batch.Messages.Select(m => Encoding.UTF8.GetString(m.Body.Span)));
        Assert.All(batch.Messages, m => Assert.Equal(Now, m.EnqueuedTime));
    }

    [Fact]
    public async Task ReadBatchesAsync_BomCrLfAndNoFinalNewline_AreHandled()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllBytesAsync(path, [.. Encoding.UTF8.GetPreamble(), .. "{\"a\":1}\r\n{\"b\":2}"u8.ToArray()]);

        var batches = await ReadAllAsync(new JsonLinesFileSource(path, "p", new FakeTimeProvider(Now)));

        Assert.Equal(["{\"a\":1}", "{\"b\":2}"], batches.SelectMany(b => b.Messages).Select(m => Encoding.UTF8.GetString(m.Body.Span)));
    }

    [Fact]
    public async Task ReadBatchesAsync_MoreLinesThanABatch_SplitsInOrderAtTheLimit()
    {
        var path = await EventLines.WriteFileAsync(Enumerable.Range(1, 2_345).Select(i => $"{{\"n\":{i}}}"));
        var source = new JsonLinesFileSource(path, "p", new FakeTimeProvider(Now));

        var batches = await ReadAllAsync(source);

        Assert.Equal([1000, 1000, 345], batches.Select(b => b.Messages.Count));
        Assert.Equal(Enumerable.Range(1, 2_345).Select(i => (long)i), batches.SelectMany(b => b.Messages).Select(m => m.SequenceNumber));
        Assert.Equal(1.0, source.Progress);
    }

    [Fact]
    public async Task ReadBatchesAsync_InvalidUtf8_IsPassedThroughAsBytes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.jsonl");
        byte[] line = [0x7B, 0xFF, 0xFE, 0x7D];
        await File.WriteAllBytesAsync(path, line);

        var batches = await ReadAllAsync(new JsonLinesFileSource(path, "p", new FakeTimeProvider(Now)));

        Assert.Equal(line, Assert.Single(Assert.Single(batches).Messages).Body.ToArray());
    }

    private static async Task<List<PartitionBatch>> ReadAllAsync(IEventSource source)
    {
        var batches = new List<PartitionBatch>();
        await foreach (var batch in source.ReadBatchesAsync())
        {
            batches.Add(batch);
        }

        return batches;
    }
}
