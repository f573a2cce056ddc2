namespace ModelMonitor.Examples.ScoringApi.Monitoring;

/// <summary>Dropped events, in all and by <see cref="ModelMonitor.Client.DropReason"/>.</summary>
/// <param name="Total">All drops.</param>
/// <param name="BufferFull">Refused because the buffer was full (<c>DropNewest</c>).</param>
/// <param name="OldestEvicted">Evicted to make room (<c>DropOldest</c>).</param>
/// <param name="ProducerDisposed">Published during shutdown.</param>
public sealed record DropCounts(long Total, long BufferFull, long OldestEvicted, long ProducerDisposed);
