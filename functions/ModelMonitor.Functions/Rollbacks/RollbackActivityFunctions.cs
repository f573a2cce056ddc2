using Microsoft.Azure.Functions.Worker;
using ModelMonitor.Service.Rollbacks.Orchestration;

namespace ModelMonitor.Functions.Rollbacks;

/// <summary>The rollback's activities as functions: each a one-line call to <see cref="RollbackActivities"/>.</summary>
public sealed class RollbackActivityFunctions(RollbackActivities activities)
{
    [Function(RollbackActivityNames.Notify)]
    public Task<int> NotifyAsync([ActivityTrigger] NotifyInput input, CancellationToken cancellationToken) => activities.NotifyAsync(input, cancellationToken);

    [Function(RollbackActivityNames.CheckVersions)]
    public Task<VersionCheckResult> CheckVersionsAsync([ActivityTrigger] VersionCheckInput input, CancellationToken cancellationToken) => activities.CheckVersionsAsync(input, cancellationToken);

    [Function(RollbackActivityNames.CheckHealth)]
    public Task<ProbeResult> CheckHealthAsync([ActivityTrigger] ProbeInput input, CancellationToken cancellationToken) => activities.CheckHealthAsync(input, cancellationToken);

    [Function(RollbackActivityNames.CheckGolden)]
    public Task<ProbeResult> CheckGoldenAsync([ActivityTrigger] ProbeInput input, CancellationToken cancellationToken) => activities.CheckGoldenAsync(input, cancellationToken);

    [Function(RollbackActivityNames.StartSwap)]
    public Task<SwapProgress> StartSwapAsync([ActivityTrigger] SwapInput input, CancellationToken cancellationToken) => activities.StartSwapAsync(input, cancellationToken);

    [Function(RollbackActivityNames.PollSwap)]
    public Task<SwapProgress> PollSwapAsync([ActivityTrigger] SwapInput input, CancellationToken cancellationToken) => activities.PollSwapAsync(input, cancellationToken);

    [Function(RollbackActivityNames.CheckErrorRate)]
    public Task<ProbeResult> CheckErrorRateAsync([ActivityTrigger] ErrorRateInput input, CancellationToken cancellationToken) => activities.CheckErrorRateAsync(input, cancellationToken);

    [Function(RollbackActivityNames.RecordOutcome)]
    public Task<bool> RecordOutcomeAsync([ActivityTrigger] RecordOutcomeInput input, CancellationToken cancellationToken) => activities.RecordOutcomeAsync(input, cancellationToken);
}
