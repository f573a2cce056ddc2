using ModelMonitor.Core.Abuse;

namespace ModelMonitor.Service.Blocklist;

/// <summary>One page of block list entries.</summary>
/// <param name="Items">The entries.</param>
/// <param name="ContinuationToken">Pass back for the next page; null on the last.</param>
public sealed record BlocklistPage(IReadOnlyList<BlocklistEntry> Items, string? ContinuationToken);
