namespace ModelMonitor.Core.Ingestion;

/// <summary>One message as delivered by a partition: its body and where it sits in the partition's log.</summary>
public readonly record struct IncomingMessage(ReadOnlyMemory<byte> Body, long SequenceNumber, DateTimeOffset EnqueuedTime);
