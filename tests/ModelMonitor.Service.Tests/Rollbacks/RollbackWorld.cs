using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Service.Http;
using ModelMonitor.Service.Rollbacks;
using ModelMonitor.Service.Rollbacks.Arm;
using ModelMonitor.Service.Rollbacks.Orchestration;
using ModelMonitor.Service.Rollbacks.Probes;
using ModelMonitor.Service.Rollbacks.Versions;
using ModelMonitor.Service.Telemetry;
using ModelMonitor.Service.Tests.Infrastructure;

namespace ModelMonitor.Service.Tests.Rollbacks;

/// <summary>
/// One in-process DurableTask host and one loopback server per test class. The server plays ARM (slot swaps,
/// app settings, operation polling) and every site's production and standby endpoints; each test uses its own site
/// (and model id), so instance ids and recorded requests never mix.
/// </summary>
public sealed class RollbackWorld : IAsyncLifetime
{
    public const string Token = "test-arm-token";
    public const string Golden = """{"input":{"amount":12.5},"expected":{"score":0.5},"tolerance":0.01}""";

    private readonly ConcurrentDictionary<string, SiteScenario> _sites = new(StringComparer.Ordinal);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mm-rollback-" + Guid.NewGuid().ToString("N"));
    private int _operations;

    public LoopbackServer Server { get; private set; } = null!;

    public DurableTaskTestHost Host { get; private set; } = null!;

    public RecordingNotifier Notifier { get; } = new();

    public RecordingAuditStore Audit { get; } = new();

    public ConcurrentQueue<(string Outcome, string Model)> Metrics { get; } = new();

    public RollbackOptions Options { get; } = new() { SwapPollInterval = TimeSpan.FromMilliseconds(50), SwapTimeout = TimeSpan.FromSeconds(20), MaxErrorRate = 0.05, StatusBaseUrl = "https://ops.example" };

    private MeterListener? _listener;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "golden.jsonl"), Golden + "\n");
        Server = await LoopbackServer.StartAsync(HandleAsync);
        var retry = new HttpRetryOptions { MaxAttempts = 4, FirstDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100), AttemptTimeout = TimeSpan.FromSeconds(10) };
        var http = new HttpClient();
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        var metrics = new RollbackMetrics(meters);
        _listener = new MeterListener { InstrumentPublished = (i, l) => { if (i.Name == "modelmonitor.rollbacks") { l.EnableMeasurementEvents(i); } } };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var values = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            Metrics.Enqueue((values["outcome"]!, values["model"]!));
        });
        _listener.Start();
        var activities = new RollbackActivities(
            new ArmSlotClient(http, new StaticTokenCredential(Token, DateTimeOffset.MaxValue), TimeProvider.System, retry),
            new ScoringProbe(http, TimeProvider.System, retry),
            new FileGoldenExampleSource(_directory),
            new NoVersionHistory(),
            new ScriptedErrorRates(model => _sites.GetValueOrDefault(model)),
            Notifier,
            Audit,
            metrics,
            TimeProvider.System,
            NullLogger<RollbackActivities>.Instance);
        Host = await DurableTaskTestHost.StartAsync(registry => registry.AddRollback(activities));
    }

    public SiteScenario Site(string name) => _sites.GetOrAdd(name, n => new SiteScenario(n));

    /// <summary>The configuration file text of one target, as an operator would write it.</summary>
    public string ConfigJson(string site, string approval = "none", string approvalTimeout = "PT30M", string onTimeout = "abort") => $$"""
        {"armEndpoint":"{{Server.BaseAddress.ToString().TrimEnd('/')}}",
         "targets":{"{{site}}":{"subscriptionId":"sub-1","resourceGroup":"rg-models","site":"{{site}}","standbySlot":"staging",
           "productionBaseUrl":"{{Server.BaseAddress}}{{site}}/production","standbyBaseUrl":"{{Server.BaseAddress}}{{site}}/staging",
           "scoringPath":"/score","healthPath":"/health","goldenExamples":"golden.jsonl","approval":"{{approval}}",
           "approvalTimeout":"{{approvalTimeout}}","onApprovalTimeout":"{{onTimeout}}","verifyMinutes":5} },
         "notifications":[{"type":"webhook","url":"https://hooks.example/rollbacks","minSeverity":"info"}]}
        """;

    public RollbackConfig Config(string site, string approval = "none", string approvalTimeout = "PT30M", string onTimeout = "abort")
    {
        var parsed = RollbackConfigParser.Parse(ConfigJson(site, approval, approvalTimeout, onTimeout));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return parsed.Config!;
    }

    /// <summary>The orchestration input for a site, with test durations (verification 100 ms).</summary>
    public RollbackInput Input(string site, string approval = "none", long approvalTimeoutMs = 30_000, string onTimeout = "abort", bool dryRun = false, string requestedBy = "alice")
    {
        var config = Config(site, approval, onTimeout: onTimeout);
        var input = RollbackInputFactory.Create(new RollbackRequest(site, "recall dropped", dryRun, requestedBy, "alert-7"), new ResolvedRollbackTarget(site, config.ArmEndpoint, config.Targets[site]), Options);
        return input with { Timings = input.Timings with { ApprovalTimeoutMs = approvalTimeoutMs, VerifyMs = 100 } };
    }

    public async Task<string> StartAsync(RollbackInput input)
    {
        var id = RollbackInstanceId.For(input.Target.Site, input.Target.StandbySlot);
        await Host.Client.ScheduleNewOrchestrationInstanceAsync(RollbackOrchestration.Name, input, new StartOrchestrationOptions(id));
        return id;
    }

    public async Task<RollbackOutcome> CompletionAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var metadata = await Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return metadata.ReadOutputAs<RollbackOutcome>()!;
    }

    public async Task<RollbackOutcome> RunAsync(RollbackInput input) => await CompletionAsync(await StartAsync(input));

    /// <summary>Waits until the orchestration has asked for approval (its approval notification went out).</summary>
    public async Task WaitForApprovalRequestAsync(string site)
    {
        for (var i = 0; i < 200 && !Notifier.For(site).Any(n => n.Title.StartsWith("Approval needed", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        _listener?.Dispose();
        await Host.DisposeAsync();
        await Server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["subscriptions", _, "resourceGroups", _, "providers", "Microsoft.Web", "sites", var site, ..])
        {
            var scenario = Site(site);
            scenario.Arm.Enqueue(request);
            if (request.Path.EndsWith("/config/appsettings/list", StringComparison.Ordinal))
            {
                var version = segments.Length > 9 && segments[8] == "slots" ? scenario.VersionIn(segments[9]) : scenario.ProductionVersion;
                await Json(context, 200, $$"""{"id":"x","name":"appsettings","properties":{"MODEL_VERSION":"{{version}}","OTHER":"1"} }""");
                return;
            }

            if (request.Path.EndsWith("/slotsswap", StringComparison.Ordinal))
            {
                await AnswerSwapAsync(context, scenario, scenario.SwapAnswers);
                return;
            }
        }

        if (segments is ["operations", var opSite, _])
        {
            var scenario = Site(opSite);
            scenario.Arm.Enqueue(request);
            await AnswerSwapAsync(context, scenario, scenario.PollAnswers);
            return;
        }

        if (segments is [var s, var slot, var endpoint] && _sites.TryGetValue(s, out var target))
        {
            target.Scoring.Enqueue(request);
            var version = target.VersionIn(slot);
            if (endpoint == "health")
            {
                context.Response.StatusCode = target.HealthStatus.GetValueOrDefault(version, 200);
                return;
            }

            await Json(context, 200, target.ScoreBody.GetValueOrDefault(version, $$"""{"score":0.503,"version":"{{version}}"}"""));
            return;
        }

        context.Response.StatusCode = 404;
    }

    private async Task AnswerSwapAsync(HttpContext context, SiteScenario scenario, ConcurrentQueue<(int Status, string? RetryAfter)> answers)
    {
        var (status, retryAfter) = answers.TryDequeue(out var next) ? next : (200, null);
        if (status == 202)
        {
            var n = Interlocked.Increment(ref _operations).ToString(CultureInfo.InvariantCulture);
            context.Response.Headers.Location = new Uri(Server.BaseAddress, $"/operations/{scenario.Site}/{n}").ToString();
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }
        }
        else if (status == 200)
        {
            scenario.CompleteSwap();
        }

        await Json(context, status, status is 200 or 202 ? "{}" : """{"error":{"code":"Scripted","message":"scripted failure"}}""");
    }

    private static async Task Json(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }
}
