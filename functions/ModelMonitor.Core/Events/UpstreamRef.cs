namespace ModelMonitor.Core.Events;

/// <summary>A call this prediction depended on (for cascading-failure analysis).</summary>
public sealed record UpstreamRef(string ModelId, string? EventId);
