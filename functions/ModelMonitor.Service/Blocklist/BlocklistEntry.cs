namespace ModelMonitor.Service.Blocklist;

/// <summary>One row of the provisioned <c>blocklist</c> table: a caller whose events are refused.</summary>
/// <param name="Caller">The producer identity or caller id (row key).</param>
/// <param name="Reason">Why it is blocked.</param>
/// <param name="Since">When the block started.</param>
/// <param name="Expiry">When it ends; null for indefinitely.</param>
/// <param name="AddedBy">Who added it.</param>
public sealed record BlocklistEntry(string Caller, string? Reason, DateTimeOffset? Since, DateTimeOffset? Expiry, string? AddedBy);
