using Microsoft.DurableTask.Client;
using ModelMonitor.Service.Rollbacks;

namespace ModelMonitor.Functions.Api;

/// <summary>Rollback instances through the DurableTask client bound to a function.</summary>
public sealed class DurableRollbackInstances(DurableTaskClient client) : IRollbackInstances
{
    public async Task<RollbackStatus?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return metadata is null
            ? null
            : new RollbackStatus(metadata.InstanceId, metadata.RuntimeStatus.ToString(), metadata.CreatedAt, metadata.LastUpdatedAt, metadata.SerializedCustomStatus, metadata.SerializedOutput);
    }

    public Task RaiseApprovalAsync(string instanceId, ApprovalDecision decision, CancellationToken cancellationToken = default) =>
        client.RaiseEventAsync(instanceId, ApprovalDecision.EventName, decision, cancellationToken);
}
