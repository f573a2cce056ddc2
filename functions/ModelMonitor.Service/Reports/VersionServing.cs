namespace ModelMonitor.Service.Reports;

/// <summary>One version's hourly serving numbers, aligned with <see cref="ServingSection.Hours"/>; null where the version served nothing.</summary>
public sealed record VersionServing(
    string Version,
    IReadOnlyList<long?> Requests,
    IReadOnlyList<double?> ErrorRate,
    IReadOnlyList<double?> LatencyP50,
    IReadOnlyList<double?> LatencyP95,
    IReadOnlyList<double?> LatencyP99);
