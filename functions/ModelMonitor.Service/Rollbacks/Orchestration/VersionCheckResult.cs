namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>What the versions activity found: ARM's MODEL_VERSION of production and standby and the registry's verdict.</summary>
public sealed record VersionCheckResult(bool Ok, string? Production, string? Standby, string Evidence, string Detail);
