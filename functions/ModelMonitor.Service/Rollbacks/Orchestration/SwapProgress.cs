namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>Where a slot swap stands after one ARM call.</summary>
/// <param name="State"><c>completed</c>, <c>accepted</c> (poll <paramref name="Location"/>) or <c>failed</c>.</param>
/// <param name="Location">The operation URL to poll while accepted.</param>
/// <param name="RetryAfterMs">The server's Retry-After in milliseconds, or -1 when it sent none.</param>
/// <param name="Detail">What ARM answered, for the step record.</param>
public sealed record SwapProgress(string State, string? Location, long RetryAfterMs, string Detail)
{
    public const string Completed = "completed";
    public const string Accepted = "accepted";
    public const string Failed = "failed";
}
