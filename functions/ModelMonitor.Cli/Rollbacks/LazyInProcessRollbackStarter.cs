using Azure.Core;
using ModelMonitor.Service.Rollbacks;
using ModelMonitor.Service.Rollbacks.Orchestration;

namespace ModelMonitor.Cli.Rollbacks;

/// <summary>
/// The starter of <c>azure-alert</c>: the first rollback validates the whole configuration and starts the in-process
/// host, so a payload that only records or ignores needs neither (nor a valid target set). Remembers what it started,
/// so the command can wait for it before the process ends.
/// </summary>
internal sealed class LazyInProcessRollbackStarter(string configText, string goldenBaseDirectory, Func<TokenCredential> credential, TimeProvider timeProvider) : IRollbackStarter, IAsyncDisposable
{
    private readonly List<string> _started = [];
    private InProcessRollbackHost? _host;

    /// <summary>Instances this starter scheduled.</summary>
    public IReadOnlyList<string> Started => _started;

    public async Task<RollbackStartResult> StartAsync(RollbackRequest request, CancellationToken cancellationToken = default)
    {
        if (_host is null)
        {
            var config = RollbackConfigFile.Parse(configText);
            _host = await InProcessRollbackHost.StartAsync(config, goldenBaseDirectory, credential(), RollbackNotifiers.FromConfig(config, timeProvider), new RollbackOptions(), timeProvider);
        }

        var result = await _host.Starter.StartAsync(request, cancellationToken);
        if (result.Started)
        {
            _started.Add(result.InstanceId);
        }

        return result;
    }

    public Task<RollbackOutcome> WaitAsync(string instanceId, CancellationToken cancellationToken = default) =>
        (_host ?? throw new InvalidOperationException("nothing was started")).WaitAsync(instanceId, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
