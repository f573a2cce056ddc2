using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Cli.Demo;

/// <summary>A model's merged summaries over the whole run and over its last day (null when nothing was stored).</summary>
public sealed record ModelReport(string ModelId, IReadOnlyList<string> Versions, WindowSummary? Run, WindowSummary? LastDay);
