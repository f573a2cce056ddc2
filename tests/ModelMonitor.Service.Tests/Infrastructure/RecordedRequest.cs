namespace ModelMonitor.Service.Tests.Infrastructure;

/// <summary>A request a loopback server received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string? ContentType, string Body, DateTimeOffset ReceivedAt);
