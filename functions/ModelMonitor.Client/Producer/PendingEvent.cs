namespace ModelMonitor.Client;

/// <summary>A serialized event waiting in the producer's buffer.</summary>
internal readonly record struct PendingEvent(byte[] Body, string PartitionKey, string Schema);
