using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Recommenders;

/// <summary>
/// A recommender's feedback-loop health over one summary (an hour, a day): engagement and how broad what it shows is.
/// A model that learns from its own clicks tends to narrow: fewer distinct items, less of the long tail, more
/// concentration on the head, while the click-through rate may hold for a while.
/// </summary>
/// <param name="Impressions">Recommended items shown (an item per slot of a response).</param>
/// <param name="Clicks">Clicked items over the outcomes folded into the same summary.</param>
/// <param name="ClickThroughRate">Clicks / impressions; null without impressions.</param>
/// <param name="DistinctItems">Distinct items recommended (estimated beyond the counter's capacity).</param>
/// <param name="AggregateDiversity">Distinct items / impressions.</param>
/// <param name="LongTailCoverage">Share of impressions outside the most popular 20% of the items recommended.</param>
/// <param name="Gini">Popularity concentration over the items recommended.</param>
/// <param name="HeadHitRate">Clicks / impressions for the most popular 20% of items.</param>
/// <param name="TailHitRate">Clicks / impressions for the other 80%.</param>
/// <param name="IsExact">False when the item counter overflowed and the distribution beyond it is estimated.</param>
public sealed record FeedbackMetrics(
    long Impressions,
    long Clicks,
    double? ClickThroughRate,
    long DistinctItems,
    double? AggregateDiversity,
    double? LongTailCoverage,
    double? Gini,
    double? HeadHitRate,
    double? TailHitRate,
    bool IsExact)
{
    /// <summary>The head: this share of the distinct items, by popularity.</summary>
    public const double HeadShare = 0.2;

    public static FeedbackMetrics Of(WindowSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        long impressions = summary.Impressions;
        long clicks = summary.Outcomes.Clicks;
        if (impressions <= 0)
        {
            return new FeedbackMetrics(0, clicks, null, 0, null, null, null, null, null, true);
        }

        var popularity = ItemPopularity.Of(summary.RecommendedItems, summary.DistinctRecommendedItems);
        long head = (long)Math.Ceiling(HeadShare * popularity.DistinctItems);
        double headImpressions = popularity.HeadSum(head);

        // Clicks on head items: the tracked clicked items that rank in the head of the recommended counter; the rest,
        // untracked clicks included, are the tail's.
        var headItems = summary.RecommendedItems.Top((int)Math.Min(head, int.MaxValue)).Select(i => i.Item).ToHashSet(StringComparer.Ordinal);
        long headClicks = summary.Outcomes.ClickedItems.All().Where(i => headItems.Contains(i.Item)).Sum(i => i.Count);
        long tailClicks = clicks - headClicks;
        double tailImpressions = impressions - headImpressions;
        return new FeedbackMetrics(
            impressions,
            clicks,
            (double)clicks / impressions,
            popularity.DistinctItems,
            (double)popularity.DistinctItems / impressions,
            Math.Clamp(1 - (headImpressions / impressions), 0, 1),
            popularity.Gini(),
            headImpressions > 0 ? headClicks / headImpressions : null,
            tailImpressions > 0 ? tailClicks / tailImpressions : null,
            popularity.IsExact && summary.Outcomes.ClickedItems.IsExact);
    }
}
