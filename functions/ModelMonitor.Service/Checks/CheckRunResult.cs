namespace ModelMonitor.Service.Checks;

/// <summary>What one run of the checks did.</summary>
public sealed record CheckRunResult(int Evaluated, int Unchanged, int WithoutReference, int AlertsRaised, int Failed);
