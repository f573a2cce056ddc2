using System.Text.Json;
using Microsoft.DurableTask.Client;
using ModelMonitor.Core.Checks;
using ModelMonitor.Service.Rollbacks;
using ModelMonitor.Service.Rollbacks.Orchestration;

namespace ModelMonitor.Service.Tests.Rollbacks;

/// <summary>The rollback orchestration in the DurableTask in-process host against loopback ARM and scoring endpoints.</summary>
public sealed class RollbackOrchestrationTests(RollbackWorld world) : IClassFixture<RollbackWorld>
{
    [Fact]
    public async Task HappyPath_ValidatesStandby_SwapsThroughArm_VerifiesProduction_AuditsAndNotifies()
    {
        var site = world.Site("happy");

        var outcome = await world.RunAsync(world.Input("happy"));

        Assert.Equal(RollbackOutcome.RolledBack, outcome.Outcome);
        Assert.Equal("2.0.0", outcome.From);
        Assert.Equal("1.0.0", outcome.To);
        Assert.Equal("arm", outcome.Evidence);
        Assert.Equal(["requested", "validate-version", "validate-health", "validate-golden", "approval", "swap", "verify-error-rate", "verify"], outcome.Steps.Select(s => s.Name));
        var swap = Assert.Single(site.SwapPosts);
        Assert.Equal("/subscriptions/sub-1/resourceGroups/rg-models/providers/Microsoft.Web/sites/happy/slots/staging/slotsswap", swap.Path);
        Assert.Equal("?api-version=2024-04-01", swap.Query);
        Assert.Equal($"Bearer {RollbackWorld.Token}", swap.Authorization);
        Assert.StartsWith("application/json", swap.ContentType, StringComparison.Ordinal);
        using (var body = JsonDocument.Parse(swap.Body))
        {
            Assert.Equal("production", body.RootElement.GetProperty("targetSlot").GetString());
            Assert.True(body.RootElement.GetProperty("preserveVnet").GetBoolean());
        }

        Assert.Contains(site.Arm, r => r.Method == "POST" && r.Path == "/subscriptions/sub-1/resourceGroups/rg-models/providers/Microsoft.Web/sites/happy/config/appsettings/list" && r.Query == "?api-version=2024-04-01" && r.Authorization == $"Bearer {RollbackWorld.Token}");
        Assert.Contains(site.Arm, r => r.Method == "POST" && r.Path.EndsWith("/sites/happy/slots/staging/config/appsettings/list", StringComparison.Ordinal));
        // Standby validated before the swap, production verified after it; golden input posted as given.
        Assert.Contains(site.Scoring, r => r.Path == "/happy/staging/health");
        Assert.Contains(site.Scoring, r => r.Path == "/happy/staging/score" && r.Method == "POST" && r.Body == """{"amount":12.5}""");
        Assert.Contains(site.Scoring, r => r.Path == "/happy/production/health");
        Assert.Contains(site.Scoring, r => r.Path == "/happy/production/score");
        Assert.Equal("1.0.0", site.ProductionVersion);

        var notes = world.Notifier.For("happy");
        Assert.StartsWith("Rollback requested for happy", notes[0].Title, StringComparison.Ordinal);
        Assert.Contains("alice", notes[0].Text, StringComparison.Ordinal);
        Assert.Contains("alert-7", notes[0].Text, StringComparison.Ordinal);
        Assert.Equal("https://ops.example/api/rollbacks/rollback-happy-staging", notes[0].Links!["status"]);
        Assert.Equal("Rolled back happy from 2.0.0 to 1.0.0", notes[^1].Title);

        var audit = Assert.Single(world.Audit.Records, r => r.ModelId == "happy");
        Assert.Equal(("alice", "recall dropped", "alert-7", "2.0.0", "1.0.0", "rolled-back"), (audit.RequestedBy, audit.Reason, audit.AlertId, audit.FromVersion, audit.ToVersion, audit.Outcome));
        Assert.Equal(outcome.Steps.Count, audit.Steps.Count);
        Assert.Contains(("rolled-back", "happy"), world.Metrics);
    }

    [Fact]
    public async Task StandbyUnhealthy_AbortsWithoutSwap_AndSaysWhy()
    {
        var site = world.Site("sick");
        site.HealthStatus["1.0.0"] = 503;

        var outcome = await world.RunAsync(world.Input("sick"));

        Assert.Equal(RollbackOutcome.Aborted, outcome.Outcome);
        Assert.Empty(site.SwapPosts);
        var failed = Assert.Single(outcome.Steps, s => s.Status == "failed");
        Assert.Equal("validate-health", failed.Name);
        Assert.Contains("503", failed.Detail, StringComparison.Ordinal);
        var final = world.Notifier.For("sick")[^1];
        Assert.Equal("Rollback of sick aborted, nothing swapped", final.Title);
        Assert.Contains("503", final.Text, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, final.Severity);
    }

    [Fact]
    public async Task StandbyGoldenMismatch_AbortsWithoutSwap_NamingLineAndPath()
    {
        var site = world.Site("mismatch");
        site.ScoreBody["1.0.0"] = """{"score":0.7}""";

        var outcome = await world.RunAsync(world.Input("mismatch"));

        Assert.Equal(RollbackOutcome.Aborted, outcome.Outcome);
        Assert.Empty(site.SwapPosts);
        var failed = Assert.Single(outcome.Steps, s => s.Status == "failed");
        Assert.Equal("validate-golden", failed.Name);
        Assert.Contains("line 1: $.score: expected 0.5 ± 0.01, got 0.7", failed.Detail, StringComparison.Ordinal);
        Assert.Contains("golden", world.Notifier.For("mismatch")[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameVersionInBothSlots_AbortsBeforeAnyProbe()
    {
        var site = world.Site("equal");
        site.SetVersions("2.0.0", "2.0.0");

        var outcome = await world.RunAsync(world.Input("equal"));

        Assert.Equal(RollbackOutcome.Aborted, outcome.Outcome);
        Assert.Equal("validate-version", outcome.Steps[^1].Name);
        Assert.Contains("same version as production", outcome.Steps[^1].Detail, StringComparison.Ordinal);
        Assert.Empty(site.Scoring);
        Assert.Empty(site.SwapPosts);
    }

    [Fact]
    public async Task Approved_ByAnotherPerson_Swaps()
    {
        var site = world.Site("approve");
        var id = await world.StartAsync(world.Input("approve", approval: "required"));
        await world.WaitForApprovalRequestAsync("approve");
        Assert.Empty(site.SwapPosts);

        await world.Host.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(true, "bob", "looks right"));
        var outcome = await world.CompletionAsync(id);

        Assert.Equal(RollbackOutcome.RolledBack, outcome.Outcome);
        Assert.Contains(outcome.Steps, s => s.Name == "approval" && s.Status == "approved" && s.Detail == "approved by bob: looks right");
        Assert.Single(site.SwapPosts);
        var request = Assert.Single(world.Notifier.For("approve"), n => n.Title.StartsWith("Approval needed", StringComparison.Ordinal));
        Assert.Equal("https://ops.example/api/rollbacks/rollback-approve-staging/approve", request.Links!["approve"]);
        Assert.Equal("https://ops.example/api/rollbacks/rollback-approve-staging/reject", request.Links!["reject"]);
    }

    [Fact]
    public async Task Rejected_AbortsWithoutSwap()
    {
        var site = world.Site("reject");
        var id = await world.StartAsync(world.Input("reject", approval: "required"));
        await world.WaitForApprovalRequestAsync("reject");

        await world.Host.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(false, "bob", "not now"));
        var outcome = await world.CompletionAsync(id);

        Assert.Equal(RollbackOutcome.Aborted, outcome.Outcome);
        Assert.Contains(outcome.Steps, s => s.Status == "rejected" && s.Detail == "rejected by bob: not now");
        Assert.Empty(site.SwapPosts);
    }

    [Fact]
    public async Task ApprovalTimeout_WithAbortPolicy_AbortsWithoutSwap()
    {
        var site = world.Site("timeout-abort");

        var outcome = await world.RunAsync(world.Input("timeout-abort", approval: "required", approvalTimeoutMs: 150, onTimeout: "abort"));

        Assert.Equal(RollbackOutcome.Aborted, outcome.Outcome);
        Assert.Contains(outcome.Steps, s => s.Name == "approval" && s.Status == "timed-out" && s.Detail.Contains("aborting", StringComparison.Ordinal));
        Assert.Empty(site.SwapPosts);
    }

    [Fact]
    public async Task ApprovalTimeout_WithProceedPolicy_Swaps()
    {
        var site = world.Site("timeout-proceed");

        var outcome = await world.RunAsync(world.Input("timeout-proceed", approval: "required", approvalTimeoutMs: 150, onTimeout: "proceed"));

        Assert.Equal(RollbackOutcome.RolledBack, outcome.Outcome);
        Assert.Contains(outcome.Steps, s => s.Name == "approval" && s.Status == "timed-out" && s.Detail.Contains("proceeding", StringComparison.Ordinal));
        Assert.Single(site.SwapPosts);
    }

    [Fact]
    public async Task FourEyes_RequesterApprovalIsRefused_WaitingContinuesForAnotherApprover()
    {
        var site = world.Site("four-eyes");
        var id = await world.StartAsync(world.Input("four-eyes", approval: "required", requestedBy: "alice"));
        await world.WaitForApprovalRequestAsync("four-eyes");

        await world.Host.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(true, "ALICE"));
        await world.Host.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(true, "carol"));
        var outcome = await world.CompletionAsync(id);

        Assert.Equal(RollbackOutcome.RolledBack, outcome.Outcome);
        var approvals = outcome.Steps.Where(s => s.Name == "approval").ToList();
        Assert.Equal(["refused", "approved"], approvals.Select(s => s.Status));
        Assert.Contains("four eyes", approvals[0].Detail, StringComparison.Ordinal);
        Assert.Equal("approved by carol", approvals[1].Detail);
        Assert.Single(site.SwapPosts);
    }

    [Fact]
    public async Task FourEyes_OnlyTheRequesterApproves_TimesOutAndAborts()
    {
        var site = world.Site("self-approve");
        var id = await world.StartAsync(world.Input("self-approve", approval: "required", approvalTimeoutMs: 400, requestedBy: "alice"));
        await world.WaitForApprovalRequestAsync("self-approve");

        await world.Host.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(true, "alice"));
        var outcome = await world.CompletionAsync(id);

        Assert.Equal(RollbackOutcome.Aborted, outcome.Outcome);
        Assert.Equal(["refused", "timed-out"], outcome.Steps.Where(s => s.Name == "approval").Select(s => s.Status));
        Assert.Empty(site.SwapPosts);
    }

    [Fact]
    public async Task AcceptedSwap_IsPolledAtItsLocation_HonouringRetryAfter()
    {
        var site = world.Site("polling");
        site.SwapAnswers.Enqueue((202, "1"));
        site.PollAnswers.Enqueue((202, null));
        site.PollAnswers.Enqueue((200, null));

        var outcome = await world.RunAsync(world.Input("polling"));

        Assert.Equal(RollbackOutcome.RolledBack, outcome.Outcome);
        var post = Assert.Single(site.SwapPosts);
        var polls = site.Polls;
        Assert.Equal(2, polls.Count);
        Assert.All(polls, p => Assert.Equal($"Bearer {RollbackWorld.Token}", p.Authorization));
        Assert.All(polls, p => Assert.StartsWith("/operations/polling/", p.Path, StringComparison.Ordinal));
        // Retry-After: 1 holds the first poll back by at least a second (a durable timer never fires early).
        Assert.True(polls[0].ReceivedAt - post.ReceivedAt >= TimeSpan.FromMilliseconds(990), $"first poll {(polls[0].ReceivedAt - post.ReceivedAt).TotalMilliseconds} ms after the 202");
        Assert.Contains("after 2 polls", outcome.Steps.Single(s => s.Name == "swap").Detail, StringComparison.Ordinal);
        Assert.Equal(1, site.SwapsCompleted);
    }

    [Fact]
    public async Task SwapRefusedWith403_AbortsAtOnce_WithoutRetry()
    {
        var site = world.Site("forbidden");
        site.SwapAnswers.Enqueue((403, null));

        var outcome = await world.RunAsync(world.Input("forbidden"));

        Assert.Equal(RollbackOutcome.Aborted, outcome.Outcome);
        Assert.Single(site.SwapPosts);
        var swap = outcome.Steps.Single(s => s.Name == "swap");
        Assert.Equal("failed", swap.Status);
        Assert.Contains("refused: 403", swap.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Steps, s => s.Name.StartsWith("verify", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SwapFailingWith5xx_IsRetriedWithBackoff_ThenAborts()
    {
        var site = world.Site("unavailable");
        for (var i = 0; i < 4; i++)
        {
            site.SwapAnswers.Enqueue((503, null));
        }

        var outcome = await world.RunAsync(world.Input("unavailable"));

        Assert.Equal(RollbackOutcome.Aborted, outcome.Outcome);
        Assert.Equal(4, site.SwapPosts.Count);
        Assert.Contains("still failing after retries: 503", outcome.Steps.Single(s => s.Name == "swap").Detail, StringComparison.Ordinal);
        Assert.Equal(0, site.SwapsCompleted);
    }

    [Fact]
    public async Task SwapRecoveringAfter429_Succeeds()
    {
        var site = world.Site("throttled");
        site.SwapAnswers.Enqueue((429, "0"));

        var outcome = await world.RunAsync(world.Input("throttled"));

        Assert.Equal(RollbackOutcome.RolledBack, outcome.Outcome);
        Assert.Equal(2, site.SwapPosts.Count);
    }

    [Fact]
    public async Task VerificationFailure_SwapsBack_AndNotifiesReverted()
    {
        var site = world.Site("regress");
        site.ErrorCounts = (200, 40);

        var outcome = await world.RunAsync(world.Input("regress"));

        Assert.Equal(RollbackOutcome.Reverted, outcome.Outcome);
        Assert.Equal(2, site.SwapPosts.Count);
        Assert.All(site.SwapPosts, p => Assert.EndsWith("/sites/regress/slots/staging/slotsswap", p.Path, StringComparison.Ordinal));
        Assert.Equal("2.0.0", site.ProductionVersion);
        Assert.Contains(outcome.Steps, s => s.Name == "verify-error-rate" && s.Status == "failed" && s.Detail.Contains("40 of 200", StringComparison.Ordinal));
        Assert.Contains(outcome.Steps, s => s.Name == "swap-back" && s.Status == "ok");
        var final = world.Notifier.For("regress")[^1];
        Assert.Equal("Rollback of regress failed, reverted to 2.0.0", final.Title);
        Assert.Equal(Severity.Critical, final.Severity);
    }

    [Fact]
    public async Task DryRun_ValidatesEverything_ButNeverSwaps()
    {
        var site = world.Site("dry");

        var outcome = await world.RunAsync(world.Input("dry", approval: "required", dryRun: true));

        Assert.Equal(RollbackOutcome.DryRun, outcome.Outcome);
        Assert.Equal(("2.0.0", "1.0.0"), (outcome.From, outcome.To));
        Assert.Empty(site.SwapPosts);
        Assert.Contains(site.Scoring, r => r.Path == "/dry/staging/score");
        var swap = outcome.Steps.Single(s => s.Name == "swap");
        Assert.Equal("skipped", swap.Status);
        Assert.Contains("would POST", swap.Detail, StringComparison.Ordinal);
        Assert.Contains("/sites/dry/slots/staging/slotsswap", swap.Detail, StringComparison.Ordinal);
        Assert.Equal("skipped", outcome.Steps.Single(s => s.Name == "approval").Status);
        Assert.Equal("Dry run: would roll back dry from 2.0.0 to 1.0.0", world.Notifier.For("dry")[^1].Title);
    }

    [Fact]
    public async Task Starter_SecondRequestWhileOneRuns_StartsNothing_AndReturnsTheLiveInstance()
    {
        world.Site("singleton");
        var starter = new DurableRollbackStarter(world.Host.Client, new ConfigRollbackTargetSource(world.Config("singleton", approval: "required")), world.Options);
        var request = new RollbackRequest("singleton", "drift", DryRun: false, "alice");

        var first = await starter.StartAsync(request);
        await world.WaitForApprovalRequestAsync("singleton");
        var second = await starter.StartAsync(request with { RequestedBy = "alert:42", AlertId = "42" });

        Assert.True(first.Started);
        Assert.Equal("rollback-singleton-staging", first.InstanceId);
        Assert.False(second.Started);
        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.Equal(nameof(OrchestrationRuntimeStatus.Running), second.RuntimeStatus);
        Assert.Single(world.Notifier.For("singleton"), n => n.Title.StartsWith("Rollback requested", StringComparison.Ordinal));

        await world.Host.Client.RaiseEventAsync(first.InstanceId, ApprovalDecision.EventName, new ApprovalDecision(false, "bob"));
        var outcome = await world.CompletionAsync(first.InstanceId);
        Assert.Equal(RollbackOutcome.Aborted, outcome.Outcome);

        // Finished: the next request for the target starts again.
        var third = await starter.StartAsync(request with { DryRun = true });
        Assert.True(third.Started);
        Assert.Equal(RollbackOutcome.DryRun, (await world.CompletionAsync(third.InstanceId)).Outcome);
    }

    [Fact]
    public async Task Starter_UnknownModel_Throws()
    {
        var starter = new DurableRollbackStarter(world.Host.Client, new ConfigRollbackTargetSource(world.Config("known")), world.Options);

        var ex = await Assert.ThrowsAsync<UnknownRollbackTargetException>(() => starter.StartAsync(new RollbackRequest("other", "x", false, "alice")));

        Assert.Equal("other", ex.ModelId);
    }
}
