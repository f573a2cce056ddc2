namespace ModelMonitor.Service.Alerts;

/// <summary>One page of alerts.</summary>
/// <param name="Items">The alerts.</param>
/// <param name="ContinuationToken">Pass back for the next page; null on the last.</param>
public sealed record AlertPage(IReadOnlyList<AlertRecord> Items, string? ContinuationToken);
