namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>Activity names, shared by the orchestration, the Functions registrations and the test host.</summary>
public static class RollbackActivityNames
{
    public const string Notify = "RollbackNotify";
    public const string CheckVersions = "RollbackCheckVersions";
    public const string CheckHealth = "RollbackCheckHealth";
    public const string CheckGolden = "RollbackCheckGolden";
    public const string StartSwap = "RollbackStartSwap";
    public const string PollSwap = "RollbackPollSwap";
    public const string CheckErrorRate = "RollbackCheckErrorRate";
    public const string RecordOutcome = "RollbackRecordOutcome";
}
