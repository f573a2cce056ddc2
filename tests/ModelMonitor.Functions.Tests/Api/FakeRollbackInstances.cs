using ModelMonitor.Service.Rollbacks;

namespace ModelMonitor.Functions.Tests.Api;

internal sealed class FakeRollbackInstances(params RollbackStatus[] instances) : IRollbackInstances
{
    public List<(string InstanceId, ApprovalDecision Decision)> Raised { get; } = [];

    public Task<RollbackStatus?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(instances.FirstOrDefault(i => i.InstanceId == instanceId));

    public Task RaiseApprovalAsync(string instanceId, ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        Raised.Add((instanceId, decision));
        return Task.CompletedTask;
    }

    public static RollbackStatus Running(string id) => new(id, "Running", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null);
}
