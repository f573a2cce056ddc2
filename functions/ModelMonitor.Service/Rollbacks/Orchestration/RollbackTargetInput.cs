namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>The target's configuration as the orchestration carries it (see <see cref="ModelMonitor.Core.Rollbacks.RollbackTarget"/>).</summary>
/// <param name="ArmEndpoint">Resource Manager of the site's cloud, without a trailing slash.</param>
/// <param name="SubscriptionId">The site's subscription.</param>
/// <param name="ResourceGroup">The site's resource group.</param>
/// <param name="Site">The App Service or Function App name.</param>
/// <param name="StandbySlot">The slot holding the version to roll back to.</param>
/// <param name="ProductionBaseUrl">Production's base URL (verification after the swap).</param>
/// <param name="StandbyBaseUrl">The standby slot's base URL (validation before the swap).</param>
/// <param name="ScoringPath">Where golden examples are posted.</param>
/// <param name="HealthPath">The health endpoint.</param>
/// <param name="GoldenExamples">The golden examples file or blob.</param>
/// <param name="Approval"><c>none</c>, <c>required</c> or <c>required-below-critical</c>.</param>
/// <param name="OnApprovalTimeout"><c>abort</c> or <c>proceed</c>.</param>
public sealed record RollbackTargetInput(
    string ArmEndpoint,
    string SubscriptionId,
    string ResourceGroup,
    string Site,
    string StandbySlot,
    string ProductionBaseUrl,
    string StandbyBaseUrl,
    string ScoringPath,
    string HealthPath,
    string GoldenExamples,
    string Approval,
    string OnApprovalTimeout);
