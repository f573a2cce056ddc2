using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using ModelMonitor.Service.Rollbacks.Orchestration;

namespace ModelMonitor.Service.Rollbacks;

/// <summary>
/// Starts <see cref="RollbackOrchestration"/> as a singleton per target. Scheduling dedupes on Pending, Running and
/// Suspended instances (a check-then-schedule alone would race): a live one makes the backend refuse, and the answer is
/// that instance with Started false. A finished instance is replaced, so the next rollback of the target can start.
/// </summary>
public sealed class DurableRollbackStarter(DurableTaskClient client, IRollbackTargetSource targets, RollbackOptions options) : IRollbackStarter
{
    private static readonly OrchestrationRuntimeStatus[] LiveStatuses =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <exception cref="UnknownRollbackTargetException">The model has no rollback target.</exception>
    /// <exception cref="InvalidRollbackConfigException">Its stored configuration does not validate.</exception>
    public async Task<RollbackStartResult> StartAsync(RollbackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await targets.GetAsync(request.ModelId, cancellationToken) ?? throw new UnknownRollbackTargetException(request.ModelId);
        var input = RollbackInputFactory.Create(request, target, options);
        var instanceId = RollbackInstanceId.For(target.Target.Site, target.Target.StandbySlot);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                RollbackOrchestration.Name,
                input,
                new StartOrchestrationOptions(instanceId).WithDedupeStatuses(LiveStatuses),
                cancellationToken);
            return new RollbackStartResult(true, instanceId, nameof(OrchestrationRuntimeStatus.Pending));
        }
        catch (OrchestrationAlreadyExistsException)
        {
            var live = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
            return new RollbackStartResult(false, instanceId, live?.RuntimeStatus.ToString() ?? nameof(OrchestrationRuntimeStatus.Running));
        }
    }
}
