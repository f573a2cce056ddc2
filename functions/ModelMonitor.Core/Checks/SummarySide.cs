using ModelMonitor.Core.Events;
using ModelMonitor.Core.Sketches;
using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Checks;

/// <summary>One window's view of a feature (or prediction, or label) for the sketch path: its kind and its summaries.</summary>
/// <param name="Kind">Null when the window has no values for it.</param>
/// <param name="Numeric">Numeric values (NaN/±∞ counted, not sketched); may be null.</param>
/// <param name="Categories">String and boolean values; may be null.</param>
internal sealed record SummarySide(FeatureKind? Kind, NumericSummary? Numeric, FrequentItems? Categories)
{
    public static SummarySide Empty { get; } = new(null, null, null);

    /// <summary>A feature: numeric when numbers dominate, else binary when every category is a binary token, else categorical.</summary>
    public static SummarySide Of(FeatureSummary? feature)
    {
        if (feature is null || feature.Present == 0)
        {
            return Empty;
        }

        FeatureKind kind = feature.DominantKind == ValueKind.Number ? FeatureKind.Numeric : CategoricalKind(feature.Categories);
        return new SummarySide(kind, feature.Numeric, feature.Categories);
    }

    /// <summary>
    /// A prediction or label stream split into numbers and classes. The larger part decides the kind; on a tie
    /// <paramref name="preferClasses"/> picks classes (labels 0/1 are counted both as numbers and as classes).
    /// </summary>
    public static SummarySide Of(NumericSummary numbers, FrequentItems classes, bool preferClasses)
    {
        long n = numbers.Total, k = classes.TotalCount;
        if (n == 0 && k == 0)
        {
            return Empty;
        }

        bool numeric = preferClasses ? n > k : n >= k;
        return new SummarySide(numeric ? FeatureKind.Numeric : CategoricalKind(classes), numbers, classes);
    }

    private static FeatureKind CategoricalKind(FrequentItems? categories) =>
        categories is not null && BinaryCategories.IsBinary(categories) ? FeatureKind.Binary : FeatureKind.Categorical;
}
