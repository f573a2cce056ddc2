using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Recommenders;

/// <summary>
/// Feedback-loop check of a recommender over its daily summaries: a CTR drop against its own recent days, and a
/// sustained narrowing of what it recommends (distinct items, long-tail coverage) over several days. Pure: the caller
/// reads the days.
/// </summary>
public static class FeedbackLoopChecker
{
    /// <param name="days">Consecutive daily summaries of one model, oldest first; the last is the evaluated day.</param>
    /// <param name="policy">Thresholds.</param>
    /// <returns>Alerts, empty when the model is not a recommender or nothing changed.</returns>
    public static IReadOnlyList<MonitorAlert> Evaluate(IReadOnlyList<WindowSummary> days, FeedbackLoopPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(policy);
        if (days.Count == 0 || days[^1].Impressions < policy.MinDailyImpressions)
        {
            return [];
        }

        var metrics = days.Select(FeedbackMetrics.Of).ToArray();
        var alerts = new List<MonitorAlert>();
        if (CtrDrop(days, metrics, policy) is { } drop)
        {
            alerts.Add(drop);
        }

        var trend = days.Skip(Math.Max(0, days.Count - policy.TrendDays)).ToArray();
        var trendMetrics = metrics.Skip(Math.Max(0, metrics.Length - policy.TrendDays)).ToArray();
        if (trend.Length == policy.TrendDays && trendMetrics.All(m => m.Impressions >= policy.MinDailyImpressions))
        {
            // Distinct items grow with volume, so a falling count means narrowing only while the volume holds.
            bool volumeHolds = MannKendall.Test([.. trendMetrics.Select(m => (double)m.Impressions)]).DecreasingPValue > policy.TrendAlpha;
            if (volumeHolds && Narrowing(trend, [.. trendMetrics.Select(m => (double)m.DistinctItems)], FeedbackLoopSubkind.DiversityNarrowing, "distinct items recommended", trendMetrics, policy) is { } diversity)
            {
                alerts.Add(diversity);
            }

            if (Narrowing(trend, [.. trendMetrics.Select(m => m.LongTailCoverage ?? 0)], FeedbackLoopSubkind.LongTailNarrowing, "long-tail coverage", trendMetrics, policy) is { } tail)
            {
                alerts.Add(tail);
            }
        }

        return alerts;
    }

    private static MonitorAlert? CtrDrop(IReadOnlyList<WindowSummary> days, FeedbackMetrics[] metrics, FeedbackLoopPolicy policy)
    {
        var current = metrics[^1];
        var baseline = metrics.Take(metrics.Length - 1).TakeLast(policy.BaselineDays).Where(m => m.Impressions >= policy.MinDailyImpressions).ToArray();
        if (baseline.Length == 0)
        {
            return null;
        }

        long baseImpressions = baseline.Sum(m => m.Impressions), baseClicks = baseline.Sum(m => Math.Min(m.Clicks, m.Impressions));
        long clicks = Math.Min(current.Clicks, current.Impressions);
        double baseCtr = (double)baseClicks / baseImpressions, ctr = (double)clicks / current.Impressions;
        if (baseCtr <= 0)
        {
            return null;
        }

        double relative = (ctr - baseCtr) / baseCtr;
        var z = TwoProportionZTest.Compute(baseClicks, baseImpressions, clicks, current.Impressions);
        double oneSided = z.Z < 0 ? z.PValue / 2 : 1 - (z.PValue / 2);
        if (relative > -policy.CtrRelativeDrop || oneSided >= policy.CtrAlpha)
        {
            return null;
        }

        var day = days[^1];
        return new MonitorAlert(
            AlertKind.FeedbackLoop,
            FeedbackLoopSubkind.CtrDrop,
            day.ModelId,
            day.ModelVersion,
            null,
            relative <= -2 * policy.CtrRelativeDrop ? Severity.Error : Severity.Warning,
            day.WindowStart,
            day.WindowEnd,
            new Dictionary<string, double?>
            {
                ["ctr"] = ctr,
                ["baselineCtr"] = baseCtr,
                ["relativeChange"] = relative,
                ["pValue"] = oneSided,
                ["impressions"] = current.Impressions,
                ["baselineImpressions"] = baseImpressions,
                ["baselineDays"] = baseline.Length,
            },
            $"Click-through rate {ctr:P2} against {baseCtr:P2} over the previous {baseline.Length} days ({relative:P0}).");
    }

    private static MonitorAlert? Narrowing(WindowSummary[] days, double[] series, string subkind, string what, FeedbackMetrics[] metrics, FeedbackLoopPolicy policy)
    {
        var test = MannKendall.Test(series);
        double first = (series[0] + series[1]) / 2, last = (series[^1] + series[^2]) / 2;
        if (first <= 0)
        {
            return null;
        }

        double decline = (first - last) / first;
        if (test.DecreasingPValue >= policy.TrendAlpha || decline < policy.MinRelativeDecline)
        {
            return null;
        }

        return new MonitorAlert(
            AlertKind.FeedbackLoop,
            subkind,
            days[^1].ModelId,
            days[^1].ModelVersion,
            null,
            decline >= 2 * policy.MinRelativeDecline ? Severity.Error : Severity.Warning,
            days[0].WindowStart,
            days[^1].WindowEnd,
            new Dictionary<string, double?>
            {
                ["first"] = first,
                ["last"] = last,
                ["relativeDecline"] = decline,
                ["tau"] = test.Tau,
                ["pValue"] = test.DecreasingPValue,
                ["days"] = series.Length,
                ["aggregateDiversity"] = metrics[^1].AggregateDiversity,
                ["longTailCoverage"] = metrics[^1].LongTailCoverage,
                ["gini"] = metrics[^1].Gini,
            },
            $"The {what} fell {decline:P0} over {series.Length} days (Mann–Kendall τ {test.Tau:F2}, p {test.DecreasingPValue:G2}): a feedback loop may be narrowing the recommendations.");
    }
}
