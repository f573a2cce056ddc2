using System.Text.Json;
using ModelMonitor.Functions.Ingestion;

namespace ModelMonitor.Functions.Tests.Ingestion;

public class EventHubBatchTests
{
    [Fact]
    public void ToMessages_LinesUpBodiesWithSequenceNumbersAndUtcEnqueuedTimes()
    {
        var enqueued = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Unspecified);

        var messages = EventHubBatch.ToMessages([[1], [2]], [41, 42], [enqueued, enqueued.AddSeconds(1)]);

        Assert.Equal([41L, 42], messages.Select(m => m.SequenceNumber));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 1, TimeSpan.Zero), messages[1].EnqueuedTime);
        Assert.Equal(2, messages[1].Body.Span[0]);
    }

    [Fact]
    public void ToMessages_MismatchedMetadata_RefusesTheBatch()
    {
        Assert.Throws<InvalidOperationException>(() => EventHubBatch.ToMessages([[1], [2]], [41], [DateTime.MinValue, DateTime.MinValue]));
    }

    [Fact]
    public void PartitionId_ReadsStringOrJsonElement_AndFailsClearlyWhenAbsent()
    {
        Assert.Equal("7", EventHubBatch.PartitionId(new Dictionary<string, object?> { ["PartitionId"] = "7" }));
        using var doc = JsonDocument.Parse("\"3\"");
        Assert.Equal("3", EventHubBatch.PartitionId(new Dictionary<string, object?> { ["PartitionId"] = doc.RootElement.Clone() }));
        var ex = Assert.Throws<InvalidOperationException>(() => EventHubBatch.PartitionId(new Dictionary<string, object?>()));
        Assert.Contains("PartitionId", ex.Message);
    }
}
