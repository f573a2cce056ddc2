namespace ModelMonitor.Core.Checks;

/// <summary>A quality metric that got worse than the reference beyond its threshold (and beyond noise).</summary>
public sealed record ModelQualityFinding
{
    /// <param name="metric">One of the <see cref="ModelQualityMetric"/> names.</param>
    /// <param name="class">For per-class precision and recall, the class; otherwise null.</param>
    /// <param name="severity">Warning, or Error when the change is at least twice the threshold.</param>
    /// <param name="evidence">reference, current, change, threshold, n, referenceN and, where used, ciLower/ciUpper.</param>
    /// <param name="message">One human-readable sentence.</param>
    public ModelQualityFinding(string metric, string? @class, Severity severity, IReadOnlyDictionary<string, double?> evidence, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(metric);
        ArgumentException.ThrowIfNullOrEmpty(message);
        Metric = metric;
        Class = @class;
        Severity = Enum.IsDefined(severity) ? severity : throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity.");
        Evidence = Checks.Evidence.Snapshot(evidence);
        Message = message;
    }

    public string Metric { get; }

    public string? Class { get; }

    public Severity Severity { get; }

    public IReadOnlyDictionary<string, double?> Evidence { get; }

    public string Message { get; }
}
