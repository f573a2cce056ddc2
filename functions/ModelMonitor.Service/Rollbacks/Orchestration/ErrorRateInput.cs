namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>Input of the error-rate activity: the version now in production and the verification period (ISO-8601).</summary>
public sealed record ErrorRateInput(string ModelId, string ModelVersion, string From, string To, double MaxErrorRate);
