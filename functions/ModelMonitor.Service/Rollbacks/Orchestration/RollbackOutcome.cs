namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>The orchestration's output and the CLI's JSON.</summary>
/// <param name="Outcome"><c>rolled-back</c>, <c>aborted</c> (nothing swapped, or the swap failed), <c>reverted</c> (swapped, verification failed, swapped back), <c>failed</c> (swapped and the swap back failed too: production needs a person), or <c>dry-run</c>.</param>
/// <param name="From">The version production ran before (ARM's MODEL_VERSION).</param>
/// <param name="To">The version the standby runs, swapped in (or that would be).</param>
/// <param name="Steps">Every step in order, with its time.</param>
/// <param name="Evidence">How the versions were established: <c>arm</c> or <c>arm+history</c>.</param>
public sealed record RollbackOutcome(string Outcome, string? From, string? To, string? Evidence, IReadOnlyList<RollbackStep> Steps)
{
    public const string RolledBack = "rolled-back";
    public const string Aborted = "aborted";
    public const string Reverted = "reverted";
    public const string Failed = "failed";
    public const string DryRun = "dry-run";
}
