using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Rollbacks;

namespace ModelMonitor.Cli.Tests.Rollbacks;

/// <summary>
/// One simulated App Service (ARM and both slots on a loopback server) and a config file pointing at it, with golden
/// examples beside it. Production runs 3.1.0, the standby 3.0.2; the golden example expects a score of 0.5 ± 0.01, and
/// 3.0.2 answers 0.503 (3.1.0 answers 0.9).
/// </summary>
internal sealed class SlotWorld : IAsyncDisposable
{
    public const string Token = "cli-test-token";
    public const string GoldenInput = """{"amount":12.5}""";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mm-cli-rollback-" + Guid.NewGuid().ToString("N"));

    public SlotWorld(string approval = "none", string extraTarget = "")
    {
        Service = SimulatedAppService.Start("3.1.0", "3.0.2", (version, _) => version == "3.0.2" ? """{"score":0.503}""" : """{"score":0.9}""");
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "golden.jsonl"), $$"""{"input":{{GoldenInput}},"expected":{"score":0.5},"tolerance":0.01}""" + "\n");
        ConfigPath = Path.Combine(_directory, "rollback.json");
        File.WriteAllText(ConfigPath, $$"""
            {"armEndpoint":"{{Service.BaseUrl}}",
             "targets":{"fraud":{"subscriptionId":"sub-1","resourceGroup":"rg-models","site":"fraud-scorer","standbySlot":"staging",
               "productionBaseUrl":"{{Service.ProductionBaseUrl}}","standbyBaseUrl":"{{Service.StandbyBaseUrl}}","scoringPath":"/score",
               "healthPath":"/health","goldenExamples":"golden.jsonl","approval":"{{approval}}","approvalTimeout":"PT1M",
               "onApprovalTimeout":"abort","verifyMinutes":0{{extraTarget}} } },
             "notifications":[{"type":"file","url":"{{NotificationsPath}}","minSeverity":"info"}]}
            """);
    }

    public SimulatedAppService Service { get; }

    public string ConfigPath { get; }

    public string NotificationsPath => Path.Combine(_directory, "notifications.jsonl");

    public const string SitePath = "/subscriptions/sub-1/resourceGroups/rg-models/providers/Microsoft.Web/sites/fraud-scorer";

    public IReadOnlyList<SimulatedRequest> Requests => [.. Service.Requests];

    public IReadOnlyList<SimulatedRequest> SwapPosts => [.. Service.Requests.Where(r => r.Path.EndsWith("/slotsswap", StringComparison.Ordinal))];

    public static async Task<Infrastructure.CliRun> InvokeAsUserAsync(string user, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.InvokeAsync(args, new CliContext(stdout, stderr, TimeProvider.System) { UserName = user });
        return new Infrastructure.CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
