namespace ModelMonitor.Storage.Blobs;

/// <summary>A window blob that failed to deserialize and was moved aside: where it was, where it is now, and why.</summary>
public sealed record QuarantinedWindow(string BlobName, string QuarantineName, string Reason);
