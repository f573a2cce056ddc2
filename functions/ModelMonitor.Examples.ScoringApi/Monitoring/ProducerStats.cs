namespace ModelMonitor.Examples.ScoringApi.Monitoring;

/// <summary>The body of <c>GET /producer/stats</c>: the producer's counters (see the client's README, "Counters").</summary>
/// <param name="Destination">Where events go: <c>file:…</c>, <c>eventhubs:…</c> or <c>custom</c>.</param>
/// <param name="Accepted">Events taken into the buffer.</param>
/// <param name="Sent">Events handed to the sink.</param>
/// <param name="Failed">Accepted events that will not be delivered.</param>
/// <param name="Retried">Send attempts retried after a transient failure.</param>
/// <param name="Dropped">Events dropped without a send attempt, by reason.</param>
/// <param name="Buffered">Events in the buffer now.</param>
/// <param name="BufferCapacity">The buffer's capacity.</param>
public sealed record ProducerStats(
    string Destination, long Accepted, long Sent, long Failed, long Retried, DropCounts Dropped, int Buffered, int BufferCapacity);
