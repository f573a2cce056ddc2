namespace ModelMonitor.Service.Reports;

/// <summary>Per-caller requests per hour, aligned with <see cref="ServingSection.Hours"/>.</summary>
/// <param name="Callers">The busiest callers and every flagged one.</param>
public sealed record CallerSection(IReadOnlyList<CallerSeries> Callers);
