using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Checks;

/// <summary>One feature ready for the report: the evaluator's input, the metrics already computed, and a note.</summary>
internal sealed record DriftComparison(
    string Name,
    FeatureKind Kind,
    long ReferenceCount,
    long CurrentCount,
    FeatureDriftInput Input,
    DriftMetrics Metrics,
    string? Note);
