namespace ModelMonitor.Client;

/// <summary>What <see cref="ModelMonitorProducer"/> does when its in-memory buffer is full.</summary>
public enum BufferFullMode
{
    /// <summary>Reject the event being published: <c>TryPublish</c> returns <see langword="false"/>. The default.</summary>
    DropNewest = 0,

    /// <summary>Evict the oldest buffered event to make room: <c>TryPublish</c> returns <see langword="true"/>.</summary>
    DropOldest,
}
