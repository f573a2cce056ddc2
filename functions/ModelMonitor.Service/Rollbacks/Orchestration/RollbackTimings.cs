namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>Durations in milliseconds (tests use 50–200 ms) and the verification's error-rate limit.</summary>
/// <param name="ApprovalTimeoutMs">How long to wait for an approver.</param>
/// <param name="VerifyMs">How long production is watched after the swap before its error rate is read.</param>
/// <param name="PollIntervalMs">Delay between polls of a 202 swap when ARM sends no Retry-After.</param>
/// <param name="SwapTimeoutMs">Give up polling a swap after this long.</param>
/// <param name="MaxErrorRate">Verification fails when more than this share of production's events are not <c>ok</c>.</param>
public sealed record RollbackTimings(long ApprovalTimeoutMs, long VerifyMs, long PollIntervalMs, long SwapTimeoutMs, double MaxErrorRate);
