using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// Decides how to compare a feature whose two sides may have different kinds (or no values). Binary and categorical
/// sides are compared as categorical; a numeric side facing a non-numeric one cannot be compared (type change: the
/// current side is treated as empty, which the evaluator reports as insufficient data, and data quality reports the
/// type change).
/// </summary>
internal static class KindReconciliation
{
    /// <param name="reference">The reference side's kind; null when it has no values.</param>
    /// <param name="current">The current side's kind; null when it has no values.</param>
    /// <returns>The kind to compare as, whether the current side can be used, and a note for the report.</returns>
    public static (FeatureKind Kind, bool CurrentUsable, string? Note) Reconcile(FeatureKind? reference, FeatureKind? current)
    {
        switch (reference, current)
        {
            case (null, null):
                return (FeatureKind.Numeric, true, "No values in either window.");
            case (null, { } c):
                return (c, true, "No values in the reference window.");
            case ({ } r, null):
                return (r, true, "No values in the current window.");
            case ({ } r, { } c) when r == c:
                return (r, true, null);
            case ({ } r, { } c) when r != FeatureKind.Numeric && c != FeatureKind.Numeric:
                return (FeatureKind.Categorical, true, null);
            case ({ } r, { } c):
                return (r, false, $"Type changed: reference {Name(r)}, current {Name(c)}; not compared.");
        }
    }

    private static string Name(FeatureKind kind) => kind switch
    {
        FeatureKind.Numeric => "numeric",
        FeatureKind.Categorical => "categorical",
        _ => "binary",
    };
}
