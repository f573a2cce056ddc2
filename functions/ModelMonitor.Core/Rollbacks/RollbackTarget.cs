namespace ModelMonitor.Core.Rollbacks;

/// <summary>
/// One model's slot-swap target: the App Service site whose <see cref="StandbySlot"/> holds the previous stable version,
/// the endpoints used to validate it before and verify production after the swap, the approval policy, and which check
/// alerts start a rollback by themselves (<see cref="AutoRollback"/>; null: none).
/// </summary>
public sealed record RollbackTarget(
    string SubscriptionId,
    string ResourceGroup,
    string Site,
    string StandbySlot,
    Uri ProductionBaseUrl,
    Uri StandbyBaseUrl,
    string ScoringPath,
    string HealthPath,
    string GoldenExamples,
    ApprovalPolicy Approval,
    TimeSpan ApprovalTimeout,
    ApprovalTimeoutAction OnApprovalTimeout,
    int VerifyMinutes,
    AzureMonitorAlertAction OnAzureMonitorAlert,
    AutoRollbackPolicy? AutoRollback = null);
