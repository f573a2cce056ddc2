using ModelMonitor.Core.Events;
using ModelMonitor.Core.Sketches;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Service.Summaries;

/// <summary>One feature: <see cref="Numeric"/> when numeric, else <see cref="Top"/> categories.</summary>
public sealed record FeatureView(string Name, bool IsNumeric, long Count, long Missing, NumericStats? Numeric, IReadOnlyList<ItemCount> Top)
{
    public static FeatureView Create(string name, FeatureSummary feature, long missing)
    {
        if (feature.DominantKind == ValueKind.Number && feature.Numeric is { } numeric)
        {
            var stats = NumericStats.From(numeric, missing);
            return new FeatureView(name, true, stats.Count, missing, stats, []);
        }

        var top = feature.Categories?.Top(SummaryView.TopCategories) ?? [];
        return new FeatureView(name, false, feature.Strings + feature.Booleans, missing, null, top);
    }
}
