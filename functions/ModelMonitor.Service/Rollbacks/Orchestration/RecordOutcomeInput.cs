namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>Input of the final activity: audit record and metric.</summary>
public sealed record RecordOutcomeInput(string InstanceId, RollbackInput Request, RollbackOutcome Outcome);
