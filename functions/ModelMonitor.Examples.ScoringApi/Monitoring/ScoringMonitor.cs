using ModelMonitor.Client;

namespace ModelMonitor.Examples.ScoringApi.Monitoring;

/// <summary>The process's one producer, with what <c>GET /producer/stats</c> reports about it.</summary>
/// <param name="producer">The producer; disposed with this.</param>
/// <param name="bufferCapacity">Its buffer capacity.</param>
/// <param name="destination">Where its events go, for people: <c>file:…</c>, <c>eventhubs:…</c> or <c>custom</c>.</param>
public sealed class ScoringMonitor(ModelMonitorProducer producer, int bufferCapacity, string destination) : IAsyncDisposable
{
    /// <summary>The producer every endpoint publishes to.</summary>
    public ModelMonitorProducer Producer { get; } = producer;

    /// <summary>The producer's counters now.</summary>
    public ProducerStats Stats()
    {
        var counters = Producer.Counters;
        return new ProducerStats(
            destination,
            counters.Accepted,
            counters.Sent,
            counters.Failed,
            counters.Retried,
            new DropCounts(
                counters.Dropped,
                counters.DroppedFor(DropReason.BufferFull),
                counters.DroppedFor(DropReason.OldestEvicted),
                counters.DroppedFor(DropReason.ProducerDisposed)),
            Producer.BufferedCount,
            bufferCapacity);
    }

    /// <summary>Flushes what is buffered, for at most the producer's <c>FlushTimeout</c>.</summary>
    public ValueTask DisposeAsync() => Producer.DisposeAsync();
}
