using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using ModelMonitor.Cli.Rollbacks;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Service.Notifications;
using ModelMonitor.Service.Rollbacks;
using ModelMonitor.Service.Rollbacks.Arm;
using ModelMonitor.Service.Rollbacks.AutoRollback;

namespace ModelMonitor.Cli.Demo;

/// <summary>
/// The local run's auto-rollback: each demo model with a slot target gets an App Service simulated on a loopback
/// server (ARM's appsettings/list and slotsswap, both slots' health and scoring) and a policy of
/// <c>"autoRollback":{"kinds":["model-quality"],"minSeverity":"critical","dryRun":true}</c>. A critical episode then starts
/// a dry-run rollback in the in-process DurableTask host, as the app would, whose notifications go to the run's file.
/// Nothing here talks to Azure.
/// </summary>
internal sealed class DemoRollback : IAsyncDisposable
{
    /// <summary>Production and standby versions of the simulated sites (production is what the simulator streams).</summary>
    private static readonly Dictionary<string, (string Production, string Standby)> Sites = new(StringComparer.Ordinal)
    {
        ["fraud"] = ("3.4.1", "3.3.0"),
        ["recsys"] = ("2024.11.2", "2024.10.4"),
    };

    private readonly List<SimulatedAppService> _services;
    private readonly InProcessRollbackHost _host;
    private readonly AutoRollbackTrigger _trigger;
    private readonly ObservedStarter _starter;
    private readonly string _directory;

    private DemoRollback(List<SimulatedAppService> services, InProcessRollbackHost host, AutoRollbackTrigger trigger, ObservedStarter starter, string directory)
    {
        (_services, _host, _trigger, _starter, _directory) = (services, host, trigger, starter, directory);
    }

    public static async Task<DemoRollback> StartAsync(IReadOnlyList<string> models, INotifier notifier, TimeProvider timeProvider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "modelmonitor-demo-rollback-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var services = new List<SimulatedAppService>();
        var targets = new Dictionary<string, RollbackTarget>(StringComparer.Ordinal);
        var policy = new AutoRollbackPolicy([AlertKind.ModelQuality], Severity.Critical, DryRun: true);
        foreach (var model in models.Where(Sites.ContainsKey))
        {
            var service = SimulatedAppService.Start(Sites[model].Production, Sites[model].Standby, (_, body) => Score(body));
            services.Add(service);
            var golden = $"golden-{model}.jsonl";
            await File.WriteAllLinesAsync(Path.Combine(directory, golden), GoldenExamples());
            // Each simulated site has its own loopback ARM; the orchestration carries the endpoint per target.
            targets[model] = new RollbackTarget(
                "00000000-0000-0000-0000-000000000000", "rg-demo", $"{model}-scorer", service.StandbySlot, new Uri(service.ProductionBaseUrl), new Uri(service.StandbyBaseUrl),
                "/score", "/health", golden, ApprovalPolicy.RequiredBelowCritical, TimeSpan.FromMinutes(30), ApprovalTimeoutAction.Abort, 0, AzureMonitorAlertAction.Rollback, policy);
        }

        var sources = new PerTargetArm(targets, services);
        var config = new RollbackConfig(RollbackConfig.PublicCloudArm, targets, []);
        var host = await InProcessRollbackHost.StartAsync(config, directory, new StaticTokenCredential("demo-token", DateTimeOffset.MaxValue), notifier, new RollbackOptions(), timeProvider);
        var starter = new ObservedStarter(new DurableRollbackStarter(host.Client, sources, new RollbackOptions()));
        var trigger = new AutoRollbackTrigger(sources, new ModelMonitor.Service.AzureMonitor.InMemoryAlertReceiptLog(), starter, timeProvider, NullLogger<AutoRollbackTrigger>.Instance);
        return new DemoRollback(services, host, trigger, starter, directory);
    }

    /// <summary>The lifecycle's notifier with auto-rollback subscribed.</summary>
    public INotifier Wrap(INotifier inner) => new AutoRollbackNotifier(inner, _trigger);

    /// <summary>Waits for the rollbacks the checks started and prints their steps.</summary>
    public async Task ReportAsync(TextWriter report, CancellationToken cancellationToken = default)
    {
        var sites = string.Join(", ", _services.Select(s => s.BaseUrl));
        await report.WriteLineAsync($"rollback: slots and ARM of the models' App Services are SIMULATED locally ({sites}); policy: model-quality at critical starts a dry run");
        if (_starter.Started.IsEmpty)
        {
            await report.WriteLineAsync("rollback: no critical episode matched the policy; nothing started");
            return;
        }

        foreach (var (request, instanceId) in _starter.Started)
        {
            var outcome = await _host.WaitAsync(instanceId, cancellationToken);
            await report.WriteLineAsync($"rollback of {request.ModelId}, requested by {request.RequestedBy} ({request.AlertSeverity?.ToString().ToLowerInvariant()}):");
            await report.WriteLineAsync(RollbackOutcomeOutput.ToLines(outcome, "  "));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static string Score(string body)
    {
        // A fixed scoring rule, the same in both slots, so the standby's golden examples match.
        var amount = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("amount").GetDouble();
        return string.Create(CultureInfo.InvariantCulture, $$"""{"score":{{Math.Round(amount / (amount + 100), 4)}},"label":"{{(amount > 100 ? "review" : "ok")}}"}""");
    }

    private static IEnumerable<string> GoldenExamples() =>
        new[] { 12.5, 100, 480 }.Select(a => string.Create(CultureInfo.InvariantCulture, $$"""{"input":{"amount":{{a}}},"expected":{{Score($$"""{"amount":{{a}}}""")}},"tolerance":0.001}"""));

    /// <summary>Targets whose ARM endpoint is their own simulated site.</summary>
    private sealed class PerTargetArm(Dictionary<string, RollbackTarget> targets, List<SimulatedAppService> services) : IRollbackTargetSource
    {
        public Task<ResolvedRollbackTarget?> GetAsync(string modelId, CancellationToken cancellationToken = default)
        {
            if (!targets.TryGetValue(modelId, out var target))
            {
                return Task.FromResult<ResolvedRollbackTarget?>(null);
            }

            var service = services.Single(s => s.ProductionBaseUrl == target.ProductionBaseUrl.ToString().TrimEnd('/'));
            return Task.FromResult<ResolvedRollbackTarget?>(new ResolvedRollbackTarget(modelId, new Uri(service.BaseUrl), target));
        }
    }

    /// <summary>Remembers the rollbacks that started, to wait for them.</summary>
    private sealed class ObservedStarter(IRollbackStarter inner) : IRollbackStarter
    {
        public ConcurrentQueue<(RollbackRequest Request, string InstanceId)> Started { get; } = new();

        public async Task<RollbackStartResult> StartAsync(RollbackRequest request, CancellationToken cancellationToken = default)
        {
            var result = await inner.StartAsync(request, cancellationToken);
            if (result.Started)
            {
                Started.Enqueue((request, result.InstanceId));
            }

            return result;
        }
    }
}
