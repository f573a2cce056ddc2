using System.Collections.Concurrent;

namespace ModelMonitor.Service.Rollbacks;

/// <summary>
/// A starter that records requests and starts nothing: for the CLI's <c>azure-alert</c> until the in-process
/// orchestration starter is wired, and for tests. A second request for a model already requested is refused, as
/// the real singleton does while an instance runs.
/// </summary>
public sealed class RecordingRollbackStarter : IRollbackStarter
{
    private readonly ConcurrentQueue<RollbackRequest> _requests = new();
    private readonly ConcurrentDictionary<string, string> _running = new(StringComparer.Ordinal);

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RollbackRequest> Requests => [.. _requests];

    public Task<RollbackStartResult> StartAsync(RollbackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _requests.Enqueue(request);
        var instanceId = $"rollback-{request.ModelId}";
        var started = _running.TryAdd(request.ModelId, instanceId);
        return Task.FromResult(new RollbackStartResult(started, instanceId, started ? "Pending" : "Running"));
    }
}
