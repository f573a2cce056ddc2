namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>
/// The orchestration's input: the request, a snapshot of the target's configuration (so a policy edit mid-flight
/// changes nothing and the audit shows what was used) and the durations. Plain strings and numbers only: the Functions
/// worker and the test host serialize with different settings.
/// </summary>
/// <param name="ModelId">The configured target's model.</param>
/// <param name="Reason">Why, in the requester's words.</param>
/// <param name="DryRun">Everything but the swap.</param>
/// <param name="RequestedBy">Who asked (four eyes compares the approver with it).</param>
/// <param name="AlertId">The alert that started it, if any.</param>
/// <param name="Target">The target's configuration at request time.</param>
/// <param name="Timings">Durations and the error-rate limit.</param>
/// <param name="AlertSeverity">The triggering alert's severity (info, warning, error, critical), for <c>required-below-critical</c>.</param>
/// <param name="StatusBaseUrl">The ops API's base URL, for status and approve/reject links in notifications; null for none.</param>
public sealed record RollbackInput(
    string ModelId,
    string Reason,
    bool DryRun,
    string RequestedBy,
    string? AlertId,
    string? AlertSeverity,
    RollbackTargetInput Target,
    RollbackTimings Timings,
    string? StatusBaseUrl = null);
