using Azure.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Service.Http;
using ModelMonitor.Service.Notifications;
using ModelMonitor.Service.Rollbacks;
using ModelMonitor.Service.Rollbacks.Arm;
using ModelMonitor.Service.Rollbacks.Audit;
using ModelMonitor.Service.Rollbacks.Orchestration;
using ModelMonitor.Service.Rollbacks.Probes;
using ModelMonitor.Service.Rollbacks.Versions;
using ModelMonitor.Service.Telemetry;

namespace ModelMonitor.Cli.Rollbacks;

/// <summary>
/// The rollback orchestration in the DurableTask in-process host (a real DurableTask backend in memory): the same
/// orchestrator and activities as the Functions app, against the configured ARM and slot endpoints. Without storage
/// there is no version history (ARM's MODEL_VERSION per slot is the evidence), no error-rate source and no audit table;
/// the steps are printed instead.
/// </summary>
internal sealed class InProcessRollbackHost : IAsyncDisposable
{
    private const string SidecarLogLevelVariable = "Logging__LogLevel__Default";

    private readonly DurableTaskTestHost _host;
    private readonly ServiceProvider _meters;
    private readonly RollbackMetrics _metrics;
    private readonly HttpClient _http;

    private InProcessRollbackHost(DurableTaskTestHost host, ServiceProvider meters, RollbackMetrics metrics, HttpClient http, IRollbackStarter starter)
    {
        _host = host;
        _meters = meters;
        _metrics = metrics;
        _http = http;
        Starter = starter;
    }

    /// <summary>Starts rollbacks of the configuration's targets as singletons per target, as the app does.</summary>
    public IRollbackStarter Starter { get; }

    public DurableTaskClient Client => _host.Client;

    /// <param name="config">The validated configuration (targets and ARM endpoint).</param>
    /// <param name="goldenBaseDirectory">Relative golden-example paths are resolved against it (the config file's directory).</param>
    /// <param name="credential">Bearer tokens for ARM.</param>
    /// <param name="notifier">Where rollback notifications go.</param>
    /// <param name="options">Poll interval, swap timeout, error-rate limit.</param>
    /// <param name="timeProvider">The activities' clock (the orchestration uses its own).</param>
    /// <param name="retry">Retries of ARM and slot calls; default 4 attempts from 1 s.</param>
    public static async Task<InProcessRollbackHost> StartAsync(
        RollbackConfig config, string goldenBaseDirectory, TokenCredential credential, INotifier notifier, RollbackOptions options, TimeProvider timeProvider, HttpRetryOptions? retry = null)
    {
        retry ??= new HttpRetryOptions();
#pragma warning disable CA2000 // Owned by the host object and disposed with it.
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new RollbackMetrics(meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
#pragma warning restore CA2000
        var activities = new RollbackActivities(
            new ArmSlotClient(http, credential, timeProvider, retry),
            new ScoringProbe(http, timeProvider, retry),
            new FileGoldenExampleSource(goldenBaseDirectory),
            new NoVersionHistory(),
            new NoErrorRateSource(),
            notifier,
            new NoRollbackAuditStore(),
            metrics,
            timeProvider,
            NullLogger<RollbackActivities>.Instance);
        // Its sidecar is an ASP.NET Core host (Host.CreateDefaultBuilder) that logs every request to the console at
        // Information, and NullLoggerFactory does not reach it; stdout carries the command's JSON. The default builder
        // reads logging levels from the environment, so raise its threshold there unless the user chose one.
#pragma warning disable RS0030 // The sidecar's own configuration is environment variables; nothing of ours reads this one.
        if (Environment.GetEnvironmentVariable(SidecarLogLevelVariable) is null)
        {
            Environment.SetEnvironmentVariable(SidecarLogLevelVariable, "Warning");
        }
#pragma warning restore RS0030

        var host = await DurableTaskTestHost.StartAsync(registry => registry.AddRollback(activities), new DurableTaskTestHostOptions { LoggerFactory = NullLoggerFactory.Instance });
        var starter = new DurableRollbackStarter(host.Client, new ConfigRollbackTargetSource(config), options);
        return new InProcessRollbackHost(host, meters, metrics, http, starter);
    }

    /// <summary>Waits for a rollback to finish and reads its outcome.</summary>
    /// <exception cref="InvalidOperationException">The orchestration did not complete (it failed or was terminated).</exception>
    public async Task<RollbackOutcome> WaitAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var metadata = await _host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed && metadata.ReadOutputAs<RollbackOutcome>() is { } outcome
            ? outcome
            : throw new InvalidOperationException($"rollback {instanceId} ended {metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _metrics.Dispose();
        await _meters.DisposeAsync();
        _http.Dispose();
    }
}
