using System.Text.Json;
using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Rollbacks;

/// <summary>
/// <c>modelmonitor rollback</c> end to end: the real orchestration in the in-process DurableTask host against a loopback
/// ARM and both slots, asserting what those endpoints received and what the CLI printed.
/// </summary>
public sealed class RollbackCommandTests
{
    private static string[] Args(SlotWorld world, params string[] extra) =>
        ["rollback", "--model", "fraud", "--config", world.ConfigPath, "--access-token", SlotWorld.Token, "--format", "json", .. extra];

    private static (string Outcome, string? From, string? To, List<(string Name, string Status, string Detail)> Steps) Read(CliRun run)
    {
        using var json = JsonDocument.Parse(run.StdoutLine);
        var root = json.RootElement;
        Assert.Equal(["outcome", "from", "to", "steps"], root.EnumerateObject().Select(p => p.Name));
        var steps = root.GetProperty("steps").EnumerateArray()
            .Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("status").GetString()!, s.GetProperty("detail").GetString()!)).ToList();
        return (root.GetProperty("outcome").GetString()!, root.GetProperty("from").GetString(), root.GetProperty("to").GetString(), steps);
    }

    [Fact]
    public async Task Rollback_HealthyStandby_SwapsThroughArmPolling202_VerifiesProduction_PrintsRolledBack()
    {
        await using var world = new SlotWorld();
        world.Service.SwapAnswers.Enqueue(202);

        var run = await CliRun.InvokeAsync(Args(world));

        Assert.True(run.ExitCode == 0, run.ToString());
        var (outcome, from, to, steps) = Read(run);
        Assert.Equal(("rolled-back", "3.1.0", "3.0.2"), (outcome, from, to));
        Assert.Equal(["requested", "validate-version", "validate-health", "validate-golden", "approval", "swap", "verify-error-rate", "verify"], steps.Select(s => s.Name));
        Assert.Equal(("3.0.2", "3.1.0", 1), (world.Service.ProductionVersion, world.Service.StandbyVersion, world.Service.SwapsCompleted));

        var arm = world.Requests.Where(r => r.Path.StartsWith("/subscriptions/", StringComparison.Ordinal) || r.Path.StartsWith("/operations/", StringComparison.Ordinal)).ToList();
        Assert.All(arm, r => Assert.Equal("Bearer " + SlotWorld.Token, r.Authorization));
        Assert.Equal(
            [("POST", SlotWorld.SitePath + "/config/appsettings/list"), ("POST", SlotWorld.SitePath + "/slots/staging/config/appsettings/list"),
             ("POST", SlotWorld.SitePath + "/slots/staging/slotsswap"), ("GET", "/operations/1")],
            arm.Select(r => (r.Method, r.Path)));
        Assert.All(arm.Where(r => r.Path.StartsWith("/subscriptions/", StringComparison.Ordinal)), r => Assert.Equal("?api-version=2024-04-01", r.Query));
        using var body = JsonDocument.Parse(Assert.Single(world.SwapPosts).Body);
        Assert.Equal("""{"targetSlot":"production","preserveVnet":true}""", JsonSerializer.Serialize(body.RootElement));

        var slots = world.Requests.Where(r => !arm.Contains(r)).Select(r => (r.Method, r.Path, r.Body)).ToList();
        Assert.Equal(
            [("GET", "/staging/health", ""), ("POST", "/staging/score", SlotWorld.GoldenInput), ("GET", "/production/health", ""), ("POST", "/production/score", SlotWorld.GoldenInput)],
            slots);
        Assert.All(world.Requests.Where(r => !arm.Contains(r)), r => Assert.Null(r.Authorization));
        var notifications = await File.ReadAllLinesAsync(world.NotificationsPath);
        Assert.Contains(notifications, n => n.Contains("Rolled back fraud from 3.1.0 to 3.0.2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rollback_DryRun_ValidatesTheStandby_SwapsNothing_ExitsZero()
    {
        await using var world = new SlotWorld();

        var run = await CliRun.InvokeAsync(Args(world, "--dry-run"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var (outcome, from, to, steps) = Read(run);
        Assert.Equal(("dry-run", "3.1.0", "3.0.2"), (outcome, from, to));
        Assert.Contains(("swap", "skipped"), steps.Select(s => (s.Name, s.Status)));
        Assert.Contains(steps, s => s.Name == "swap" && s.Detail.Contains($"would POST {world.Service.BaseUrl}{SlotWorld.SitePath}/slots/staging/slotsswap", StringComparison.Ordinal));
        Assert.Empty(world.SwapPosts);
        Assert.Equal(0, world.Service.SwapsCompleted);
        Assert.Contains(world.Requests, r => r.Path == "/staging/score");
    }

    [Fact]
    public async Task Rollback_StandbyFailsAGoldenExample_AbortsWithoutSwap_ExitsOne()
    {
        await using var world = new SlotWorld();
        world.Service.Score = (_, _) => """{"score":0.7}""";

        var run = await CliRun.InvokeAsync(Args(world));

        Assert.Equal(1, run.ExitCode);
        var (outcome, _, _, steps) = Read(run);
        Assert.Equal("aborted", outcome);
        var golden = steps.Single(s => s.Name == "validate-golden");
        Assert.Equal("failed", golden.Status);
        Assert.Contains("line 1", golden.Detail, StringComparison.Ordinal);
        Assert.Empty(world.SwapPosts);
        Assert.Equal("3.1.0", world.Service.ProductionVersion);
    }

    [Fact]
    public async Task Rollback_ProductionFailsVerificationAfterTheSwap_SwapsBack_PrintsReverted_ExitsOne()
    {
        await using var world = new SlotWorld();
        world.Service.ProductionScoreAfterSwap = """{"score":0.2}""";

        var run = await CliRun.InvokeAsync(Args(world));

        Assert.Equal(1, run.ExitCode);
        var (outcome, from, to, steps) = Read(run);
        Assert.Equal(("reverted", "3.1.0", "3.0.2"), (outcome, from, to));
        Assert.Equal([("swap", "ok"), ("verify", "failed"), ("swap-back", "ok")], steps.Where(s => s.Name is "swap" or "verify" or "swap-back").Select(s => (s.Name, s.Status)));
        Assert.Equal(2, world.SwapPosts.Count);
        Assert.Equal(("3.1.0", 2), (world.Service.ProductionVersion, world.Service.SwapsCompleted));
    }

    [Fact]
    public async Task Rollback_ApprovalRequired_WithoutApprove_ExitsTwoBeforeAnything()
    {
        await using var world = new SlotWorld(approval: "required");

        var run = await SlotWorld.InvokeAsUserAsync("bob", Args(world));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("requires approval", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(world.Requests);
    }

    [Fact]
    public async Task Rollback_ApproveOwnRequest_IsRefusedByFourEyes_ExitsTwo()
    {
        await using var world = new SlotWorld(approval: "required");

        var run = await SlotWorld.InvokeAsUserAsync("bob", Args(world, "--approve", "--requested-by", "BOB"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("four eyes", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(world.Requests);
    }

    [Fact]
    public async Task Rollback_ApprovedByAnotherPersonThanTheRequester_Swaps()
    {
        await using var world = new SlotWorld(approval: "required");

        var run = await SlotWorld.InvokeAsUserAsync("bob", Args(world, "--approve", "--requested-by", "alice"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var (outcome, _, _, steps) = Read(run);
        Assert.Equal("rolled-back", outcome);
        Assert.Contains(("approval", "approved", "approved by bob: approved with modelmonitor rollback --approve"), steps);
        Assert.Contains(steps, s => s.Name == "requested" && s.Detail.StartsWith("by alice", StringComparison.Ordinal));
        Assert.Single(world.SwapPosts);
    }

    [Fact]
    public async Task Rollback_UnknownModel_ExitsTwoListingTargets()
    {
        await using var world = new SlotWorld();

        var run = await CliRun.InvokeAsync("rollback", "--model", "pricing", "--config", world.ConfigPath, "--access-token", "t");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("targets: fraud", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollbackHelp_SaysHowFourEyesHolds()
    {
        var run = await CliRun.InvokeAsync("rollback", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Four eyes", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--requested-by", run.Stdout, StringComparison.Ordinal);
    }
}
