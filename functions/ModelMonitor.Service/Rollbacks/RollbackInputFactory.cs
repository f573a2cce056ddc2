using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Service.Rollbacks.Orchestration;

namespace ModelMonitor.Service.Rollbacks;

/// <summary>Builds the orchestration input from a request, its resolved target and the rollback options.</summary>
public static class RollbackInputFactory
{
    public static RollbackInput Create(RollbackRequest request, ResolvedRollbackTarget resolved, RollbackOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(options);
        var t = resolved.Target;
        var target = new RollbackTargetInput(
            resolved.ArmEndpoint.ToString().TrimEnd('/'), t.SubscriptionId, t.ResourceGroup, t.Site, t.StandbySlot,
            t.ProductionBaseUrl.ToString(), t.StandbyBaseUrl.ToString(), t.ScoringPath, t.HealthPath, t.GoldenExamples,
            t.Approval switch { ApprovalPolicy.None => "none", ApprovalPolicy.RequiredBelowCritical => "required-below-critical", _ => "required" },
            t.OnApprovalTimeout == ApprovalTimeoutAction.Proceed ? "proceed" : "abort");
        var timings = new RollbackTimings(
            (long)t.ApprovalTimeout.TotalMilliseconds,
            (long)TimeSpan.FromMinutes(t.VerifyMinutes).TotalMilliseconds,
            (long)options.SwapPollInterval.TotalMilliseconds,
            (long)options.SwapTimeout.TotalMilliseconds,
            options.MaxErrorRate);
        return new RollbackInput(request.ModelId, request.Reason, request.DryRun, request.RequestedBy, request.AlertId,
            request.AlertSeverity?.ToString().ToLowerInvariant(), target, timings, string.IsNullOrWhiteSpace(options.StatusBaseUrl) ? null : options.StatusBaseUrl);
    }
}
