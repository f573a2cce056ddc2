namespace ModelMonitor.Client;

/// <summary>Why <see cref="ModelMonitorProducer"/> dropped an event without trying to send it; see <see cref="ModelMonitorProducerCounters.DroppedFor"/>.</summary>
public enum DropReason
{
    /// <summary>The buffer was full and <see cref="BufferFullMode.DropNewest"/> refused the new event.</summary>
    BufferFull = 0,

    /// <summary>The buffer was full and <see cref="BufferFullMode.DropOldest"/> evicted the oldest buffered event.</summary>
    OldestEvicted,

    /// <summary>The event was published after <c>DisposeAsync</c> had begun.</summary>
    ProducerDisposed,
}
