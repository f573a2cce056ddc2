namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>Input of the health and golden-example activities: a slot's base URL, the path, and the golden examples' location.</summary>
public sealed record ProbeInput(string BaseUrl, string Path, string? GoldenExamples = null);
