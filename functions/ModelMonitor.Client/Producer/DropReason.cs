namespace ModelMonitor.Client;

/// <summary>Why an event was dropped, as logged.</summary>
internal enum DropReason
{
    BufferFull,
    OldestEvicted,
    ProducerDisposed,
}
