using Microsoft.DurableTask;

namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>
/// The slot-swap rollback, deterministic: every I/O is an activity (<see cref="RollbackActivityNames"/>), time is
/// <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/> and waits are durable timers. One plain method, called by
/// the Functions orchestrator and by the DurableTask in-process host (tests, CLI).
/// </summary>
public static class RollbackOrchestration
{
    public const string Name = "RollbackOrchestration";

    public static Task<RollbackOutcome> RunAsync(TaskOrchestrationContext context, RollbackInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new RollbackRun(context, input).ExecuteAsync();
    }
}
