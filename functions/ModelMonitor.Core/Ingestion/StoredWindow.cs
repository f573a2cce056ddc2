using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Ingestion;

/// <summary>
/// A partition's window summary as stored, with the highest sequence number folded into it (the redelivery
/// high-water mark) and the store's concurrency token.
/// </summary>
public sealed record StoredWindow(WindowSummary Summary, long LastSequenceNumber, string? ETag);
