namespace ModelMonitor.Core.Ingestion;

/// <summary>
/// What a conditional window write did: <see cref="Written"/> is false when another writer got there first;
/// <see cref="ETag"/> is the stored version's new concurrency token, or null when the store cannot tell (then
/// the pipeline does not cache the window and reads it again next time).
/// </summary>
public readonly record struct WindowWriteOutcome(bool Written, string? ETag);
