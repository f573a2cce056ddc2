using ModelMonitor.Core.Events;
using ModelMonitor.Core.Sketches;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Service.Summaries;

/// <summary>
/// What <c>summary</c> reports of a merged <see cref="WindowSummary"/>, shared by the JSON and table renderings.
/// A feature is numeric when numbers are its dominant kind, otherwise categorical (booleans included).
/// </summary>
public sealed record SummaryView(
    string ModelId,
    string ModelVersion,
    DateTimeOffset From,
    DateTimeOffset To,
    long Count,
    IReadOnlyList<FeatureView> Features,
    NumericStats LatencyMs,
    IReadOnlyList<ItemCount> Statuses)
{
    /// <summary>Categories listed per categorical feature.</summary>
    public const int TopCategories = 10;

    public static SummaryView Create(WindowSummary summary, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var features = summary.Features
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => FeatureView.Create(f.Key, f.Value, summary.MissingCount(f.Value)))
            .ToList();
        var latencyMissing = Math.Max(0, summary.EventCount - summary.LatencyMs.Total);
        return new SummaryView(
            summary.ModelId,
            summary.ModelVersion,
            from,
            to,
            summary.EventCount,
            features,
            NumericStats.From(summary.LatencyMs, latencyMissing),
            ByCount(summary.Statuses.All()));
    }

    public static List<ItemCount> ByCount(IEnumerable<ItemCount> items) =>
        [.. items.OrderByDescending(i => i.Count).ThenBy(i => i.Item, StringComparer.Ordinal)];
}
