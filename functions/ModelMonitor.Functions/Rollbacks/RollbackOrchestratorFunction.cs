using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ModelMonitor.Service.Rollbacks.Orchestration;

namespace ModelMonitor.Functions.Rollbacks;

/// <summary>The rollback orchestrator: a one-line call to the plain method the in-process host runs too.</summary>
public static class RollbackOrchestratorFunction
{
    [Function(RollbackOrchestration.Name)]
    public static Task<RollbackOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        RollbackOrchestration.RunAsync(context, context.GetInput<RollbackInput>()!);
}
