namespace ModelMonitor.Storage.Blobs;

/// <summary>A listed window blob: its full name, parsed parts and ETag (for roll-up freshness checks).</summary>
public sealed record WindowBlobInfo(string Name, WindowBlobName Parts, string ETag);
