using Microsoft.DurableTask;

namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>Registers the orchestration and its activities on a DurableTask registry (the in-process host of the CLI and tests).</summary>
public static class RollbackRegistration
{
    public static DurableTaskRegistry AddRollback(this DurableTaskRegistry registry, RollbackActivities activities)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(activities);
        registry.AddOrchestratorFunc<RollbackInput, RollbackOutcome>(RollbackOrchestration.Name, (context, input) => RollbackOrchestration.RunAsync(context, input!));
        registry.AddActivityFunc<NotifyInput, int>(RollbackActivityNames.Notify, (_, input) => activities.NotifyAsync(input!));
        registry.AddActivityFunc<VersionCheckInput, VersionCheckResult>(RollbackActivityNames.CheckVersions, (_, input) => activities.CheckVersionsAsync(input!));
        registry.AddActivityFunc<ProbeInput, ProbeResult>(RollbackActivityNames.CheckHealth, (_, input) => activities.CheckHealthAsync(input!));
        registry.AddActivityFunc<ProbeInput, ProbeResult>(RollbackActivityNames.CheckGolden, (_, input) => activities.CheckGoldenAsync(input!));
        registry.AddActivityFunc<SwapInput, SwapProgress>(RollbackActivityNames.StartSwap, (_, input) => activities.StartSwapAsync(input!));
        registry.AddActivityFunc<SwapInput, SwapProgress>(RollbackActivityNames.PollSwap, (_, input) => activities.PollSwapAsync(input!));
        registry.AddActivityFunc<ErrorRateInput, ProbeResult>(RollbackActivityNames.CheckErrorRate, (_, input) => activities.CheckErrorRateAsync(input!));
        registry.AddActivityFunc<RecordOutcomeInput, bool>(RollbackActivityNames.RecordOutcome, (_, input) => activities.RecordOutcomeAsync(input!));
        return registry;
    }
}
