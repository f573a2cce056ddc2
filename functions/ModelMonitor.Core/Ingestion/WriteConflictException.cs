namespace ModelMonitor.Core.Ingestion;

/// <summary>
/// Another writer kept winning the race for a window blob. Transient: retrying the batch later is safe
/// because redelivered events are skipped by sequence number.
/// </summary>
public sealed class WriteConflictException(string message) : Exception(message);
