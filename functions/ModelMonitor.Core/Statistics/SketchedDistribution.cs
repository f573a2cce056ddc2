namespace ModelMonitor.Core.Statistics;

/// <summary>
/// A numeric distribution as a quantile sketch describes it: the sorted view (distinct values ascending with their
/// weights) plus the exact moments and range a summary keeps beside the sketch.
/// </summary>
/// <param name="SortedValues">Finite values, ascending.</param>
/// <param name="Weights">Positive weights aligned with <paramref name="SortedValues"/>.</param>
/// <param name="Mean">The exact mean of the summarized values.</param>
/// <param name="Min">The exact minimum.</param>
/// <param name="Max">The exact maximum.</param>
/// <param name="IsExact">
/// True when the sorted view is the data itself (a sketch that never compacted: its weights count ties), which unit
/// weights alone cannot tell.
/// </param>
public readonly record struct SketchedDistribution(
    ReadOnlyMemory<double> SortedValues, ReadOnlyMemory<double> Weights, double Mean, double Min, double Max, bool IsExact = false);
