using System.Globalization;
using Microsoft.DurableTask;

namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>One execution (and every replay) of <see cref="RollbackOrchestration"/>: the steps and their record.</summary>
internal sealed class RollbackRun(TaskOrchestrationContext context, RollbackInput input)
{
    private const int MaxRefusedDecisions = 20;
    private readonly List<RollbackStep> _steps = [];
    private string? _from;
    private string? _to;
    private string? _evidence;

    public async Task<RollbackOutcome> ExecuteAsync()
    {
        RollbackOutcome outcome;
        try
        {
            outcome = await RunStepsAsync();
        }
        catch (TaskFailedException ex)
        {
            // An activity threw (a bug or an unreadable golden file reported as such): record it rather than leave no audit.
            Step("error", "failed", $"{ex.TaskName}: {ex.FailureDetails.ErrorMessage}");
            outcome = Outcome(_steps.Exists(s => s.Name == "swap" && s.Status == "ok") ? RollbackOutcome.Failed : RollbackOutcome.Aborted);
        }

        await context.CallActivityAsync<bool>(RollbackActivityNames.RecordOutcome, new RecordOutcomeInput(context.InstanceId, input, outcome));
        await NotifyAsync(FinalTitle(outcome), FinalText(outcome), FinalSeverity(outcome.Outcome));
        return outcome;
    }

    private async Task<RollbackOutcome> RunStepsAsync()
    {
        var who = input.AlertId is null ? input.RequestedBy : $"{input.RequestedBy} (alert {input.AlertId})";
        await NotifyAsync(
            $"Rollback requested for {input.ModelId}{(input.DryRun ? " (dry run)" : "")}",
            $"Requested by {who}: {input.Reason}. Target {input.Target.Site}, standby slot {input.Target.StandbySlot}.",
            "warning");
        Step("requested", "ok", $"by {who}: {input.Reason}");

        if (await ValidateStandbyAsync() is { } aborted)
        {
            return aborted;
        }

        if (await ApproveAsync() is { } refused)
        {
            return refused;
        }

        var swapDescription = $"POST {input.Target.ArmEndpoint.TrimEnd('/')}/subscriptions/{input.Target.SubscriptionId}/resourceGroups/{input.Target.ResourceGroup}/providers/Microsoft.Web/sites/{input.Target.Site}/slots/{input.Target.StandbySlot}/slotsswap";
        if (input.DryRun)
        {
            Step("swap", "skipped", $"dry run: would {swapDescription} to put {_to} into production in place of {_from}");
            Step("verify", "skipped", $"dry run: would check production's health, golden examples and error rate for {Duration(input.Timings.VerifyMs)}");
            return Outcome(RollbackOutcome.DryRun);
        }

        var swap = await SwapAsync();
        Step("swap", swap.State == SwapProgress.Completed ? "ok" : "failed", swap.Detail);
        if (swap.State != SwapProgress.Completed)
        {
            return Outcome(RollbackOutcome.Aborted);
        }

        var swappedAt = context.CurrentUtcDateTime;
        if (await VerifyProductionAsync(swappedAt) is { } failure)
        {
            Step("verify", "failed", failure);
            var back = await SwapAsync();
            Step("swap-back", back.State == SwapProgress.Completed ? "ok" : "failed", back.Detail);
            return Outcome(back.State == SwapProgress.Completed ? RollbackOutcome.Reverted : RollbackOutcome.Failed);
        }

        Step("verify", "ok", $"production healthy, golden examples match, error rate within {input.Timings.MaxErrorRate.ToString("P1", CultureInfo.InvariantCulture)}");
        return Outcome(RollbackOutcome.RolledBack);
    }

    /// <returns>An aborted outcome, or null when the standby may be swapped in.</returns>
    private async Task<RollbackOutcome?> ValidateStandbyAsync()
    {
        var versions = await context.CallActivityAsync<VersionCheckResult>(RollbackActivityNames.CheckVersions, new VersionCheckInput(input.ModelId, input.Target));
        _from = versions.Production;
        _to = versions.Standby;
        _evidence = versions.Evidence;
        Step("validate-version", versions.Ok ? "ok" : "failed", versions.Detail);
        if (!versions.Ok)
        {
            return Outcome(RollbackOutcome.Aborted);
        }

        var health = await context.CallActivityAsync<ProbeResult>(RollbackActivityNames.CheckHealth, new ProbeInput(input.Target.StandbyBaseUrl, input.Target.HealthPath));
        Step("validate-health", health.Ok ? "ok" : "failed", health.Detail);
        if (!health.Ok)
        {
            return Outcome(RollbackOutcome.Aborted);
        }

        var golden = await context.CallActivityAsync<ProbeResult>(RollbackActivityNames.CheckGolden, new ProbeInput(input.Target.StandbyBaseUrl, input.Target.ScoringPath, input.Target.GoldenExamples));
        Step("validate-golden", golden.Ok ? "ok" : "failed", golden.Detail);
        return golden.Ok ? null : Outcome(RollbackOutcome.Aborted);
    }

    /// <summary>
    /// Waits for an <see cref="ApprovalDecision"/> raced against one durable timer for the whole timeout. Four eyes: a
    /// decision by the requester (approve or reject) is refused and recorded, and waiting continues until the same
    /// deadline, so the requester can neither approve their own rollback nor end the wait for everyone else.
    /// </summary>
    /// <returns>An aborted outcome, or null to go on with the swap.</returns>
    private async Task<RollbackOutcome?> ApproveAsync()
    {
        var needed = input.Target.Approval switch
        {
            "none" => false,
            "required-below-critical" => !string.Equals(input.AlertSeverity, "critical", StringComparison.OrdinalIgnoreCase),
            _ => true,
        };
        if (!needed)
        {
            Step("approval", "skipped", input.Target.Approval == "none" ? "policy: no approval" : "policy: approval only below critical, and the alert is critical");
            return null;
        }

        if (input.DryRun)
        {
            Step("approval", "skipped", $"dry run: would wait up to {Duration(input.Timings.ApprovalTimeoutMs)} for an approver other than {input.RequestedBy}");
            return null;
        }

        await NotifyAsync(
            $"Approval needed: roll back {input.ModelId} from {_from} to {_to}",
            $"Requested by {input.RequestedBy}: {input.Reason}. Waiting up to {Duration(input.Timings.ApprovalTimeoutMs)}; on timeout: {input.Target.OnApprovalTimeout}. The approver must not be the requester.",
            "warning");
        Step("approval-requested", "ok", $"waiting up to {Duration(input.Timings.ApprovalTimeoutMs)}");
        var deadline = context.CurrentUtcDateTime.AddMilliseconds(input.Timings.ApprovalTimeoutMs);
        // Bounded (history stays small): after this many refused decisions the wait ends as a rejection would.
        for (var decisions = 0; decisions < MaxRefusedDecisions; decisions++)
        {
            using var cancel = new CancellationTokenSource();
            var decisionTask = context.WaitForExternalEvent<ApprovalDecision>(ApprovalDecision.EventName, cancel.Token);
            var timerTask = context.CreateTimer(deadline, cancel.Token);
            var winner = await Task.WhenAny(decisionTask, timerTask);
            // Synchronous on purpose: CancelAsync runs the callbacks off the orchestration's scheduler and the
            // orchestration never resumes (measured: every approval test hung).
#pragma warning disable CA1849
            cancel.Cancel();
#pragma warning restore CA1849
            if (winner == timerTask)
            {
                if (input.Target.OnApprovalTimeout == "proceed")
                {
                    Step("approval", "timed-out", "nobody decided in time; proceeding, as the policy says");
                    return null;
                }

                Step("approval", "timed-out", "nobody decided in time; aborting, as the policy says");
                return Outcome(RollbackOutcome.Aborted);
            }

            var decision = await decisionTask;
            if (string.IsNullOrWhiteSpace(decision.By) || string.Equals(decision.By.Trim(), input.RequestedBy.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                Step("approval", "refused", $"four eyes: a decision by {(string.IsNullOrWhiteSpace(decision.By) ? "nobody" : decision.By)} (the requester, or anonymous) does not count; still waiting");
                continue;
            }

            var comment = string.IsNullOrWhiteSpace(decision.Comment) ? "" : $": {decision.Comment}";
            if (!decision.Approved)
            {
                Step("approval", "rejected", $"rejected by {decision.By}{comment}");
                return Outcome(RollbackOutcome.Aborted);
            }

            Step("approval", "approved", $"approved by {decision.By}{comment}");
            return null;
        }

        Step("approval", "rejected", $"{MaxRefusedDecisions} refused decisions (four eyes); aborting");
        return Outcome(RollbackOutcome.Aborted);
    }

    /// <summary>
    /// Starts the swap and polls a 202 on durable timers (honouring Retry-After, else the poll interval), so a long swap
    /// holds no worker and survives a restart. 429/5xx retries of each single call stay inside the activity.
    /// </summary>
    private async Task<SwapProgress> SwapAsync()
    {
        var progress = await context.CallActivityAsync<SwapProgress>(RollbackActivityNames.StartSwap, new SwapInput(input.Target));
        var deadline = context.CurrentUtcDateTime.AddMilliseconds(input.Timings.SwapTimeoutMs);
        var polls = 0;
        while (progress.State == SwapProgress.Accepted)
        {
            var wait = progress.RetryAfterMs >= 0 ? progress.RetryAfterMs : input.Timings.PollIntervalMs;
            var next = context.CurrentUtcDateTime.AddMilliseconds(wait);
            if (next > deadline)
            {
                return new SwapProgress(SwapProgress.Failed, progress.Location, -1, string.Create(CultureInfo.InvariantCulture, $"the swap did not finish within {Duration(input.Timings.SwapTimeoutMs)} ({polls} polls); check the site's slots"));
            }

            await context.CreateTimer(next, CancellationToken.None);
            progress = await context.CallActivityAsync<SwapProgress>(RollbackActivityNames.PollSwap, new SwapInput(input.Target, progress.Location));
            polls++;
        }

        return polls == 0 ? progress : progress with { Detail = string.Create(CultureInfo.InvariantCulture, $"{progress.Detail} after {polls} polls") };
    }

    /// <returns>Why production fails verification, or null when it passes.</returns>
    private async Task<string?> VerifyProductionAsync(DateTime swappedAt)
    {
        var health = await context.CallActivityAsync<ProbeResult>(RollbackActivityNames.CheckHealth, new ProbeInput(input.Target.ProductionBaseUrl, input.Target.HealthPath));
        if (!health.Ok)
        {
            return $"production health: {health.Detail}";
        }

        var golden = await context.CallActivityAsync<ProbeResult>(RollbackActivityNames.CheckGolden, new ProbeInput(input.Target.ProductionBaseUrl, input.Target.ScoringPath, input.Target.GoldenExamples));
        if (!golden.Ok)
        {
            return $"production golden examples: {golden.Detail}";
        }

        if (input.Timings.VerifyMs > 0)
        {
            await context.CreateTimer(swappedAt.AddMilliseconds(input.Timings.VerifyMs), CancellationToken.None);
        }

        var rate = await context.CallActivityAsync<ProbeResult>(
            RollbackActivityNames.CheckErrorRate,
            new ErrorRateInput(input.ModelId, _to ?? "", Iso(swappedAt), Iso(context.CurrentUtcDateTime), input.Timings.MaxErrorRate));
        Step("verify-error-rate", rate.Ok ? "ok" : "failed", rate.Detail);
        return rate.Ok ? null : $"production error rate: {rate.Detail}";
    }

    private Task NotifyAsync(string title, string text, string severity)
    {
        Dictionary<string, string>? links = null;
        if (input.StatusBaseUrl is { } baseUrl)
        {
            var status = $"{baseUrl.TrimEnd('/')}/api/rollbacks/{Uri.EscapeDataString(context.InstanceId)}";
            links = new Dictionary<string, string>(StringComparer.Ordinal) { ["status"] = status, ["approve"] = $"{status}/approve", ["reject"] = $"{status}/reject" };
        }

        return context.CallActivityAsync<int>(RollbackActivityNames.Notify, new NotifyInput(input.ModelId, title, text, severity, links));
    }

    private void Step(string name, string status, string detail) => _steps.Add(new RollbackStep(name, status, Iso(context.CurrentUtcDateTime), detail));

    private RollbackOutcome Outcome(string outcome) => new(outcome, _from, _to, _evidence, [.. _steps]);

    private string FinalTitle(RollbackOutcome outcome) => outcome.Outcome switch
    {
        RollbackOutcome.RolledBack => $"Rolled back {input.ModelId} from {outcome.From} to {outcome.To}",
        RollbackOutcome.DryRun => $"Dry run: would roll back {input.ModelId} from {outcome.From} to {outcome.To}",
        RollbackOutcome.Reverted => $"Rollback of {input.ModelId} failed, reverted to {outcome.From}",
        RollbackOutcome.Failed => $"Rollback of {input.ModelId} failed and could not be reverted: check the site now",
        _ => $"Rollback of {input.ModelId} aborted, nothing swapped",
    };

    private static string FinalText(RollbackOutcome outcome)
    {
        var last = outcome.Steps.LastOrDefault(s => s.Status is "failed" or "rejected" or "timed-out") ?? outcome.Steps[^1];
        return $"{last.Name}: {last.Detail}";
    }

    private static string FinalSeverity(string outcome) => outcome switch
    {
        RollbackOutcome.RolledBack => "warning",
        RollbackOutcome.DryRun => "info",
        RollbackOutcome.Aborted => "error",
        _ => "critical",
    };

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string Duration(long milliseconds) => TimeSpan.FromMilliseconds(milliseconds).ToString("c", CultureInfo.InvariantCulture);
}
