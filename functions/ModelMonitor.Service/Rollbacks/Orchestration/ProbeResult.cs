namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>The answer of one validation activity (health, golden examples, error rate, versions).</summary>
public sealed record ProbeResult(bool Ok, string Detail);
