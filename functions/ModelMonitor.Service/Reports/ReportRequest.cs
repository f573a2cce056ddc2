namespace ModelMonitor.Service.Reports;

/// <summary>What to report: the named models (empty: every stored one), over [From, To).</summary>
public sealed record ReportRequest(IReadOnlyList<string> ModelIds, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Callers charted besides the flagged ones.</summary>
    /// <value>Default 8.</value>
    public int TopCallers { get; init; } = 8;

    /// <summary>Hours charted at most (the latest ones); bounds the page's size and the reads.</summary>
    /// <value>Default 24 × 14 (two weeks).</value>
    public int MaxHours { get; init; } = 24 * 14;
}
