using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Ingestion;

/// <summary>A valid event with the sequence number of the message that carried it.</summary>
public readonly record struct SequencedEvent(long SequenceNumber, MonitoringEvent Event);
