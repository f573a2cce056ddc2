using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Recommenders;

/// <summary>Thresholds of the feedback-loop check (<see cref="FeedbackLoopChecker"/>). Immutable; validated in the constructor.</summary>
/// <remarks>
/// Everything is judged on whole days: a recommender's hours swing with the daily cycle and with who is online, and a
/// narrowing loop takes days, so an hour is noise here. A day counts only with <see cref="MinDailyImpressions"/>.
/// </remarks>
public sealed record FeedbackLoopPolicy
{
    /// <param name="baselineDays">Days before the evaluated day pooled as the CTR baseline. ≥ 1.</param>
    /// <param name="ctrRelativeDrop">Relative CTR drop that is reported (0.2 = −20%). In (0, 1].</param>
    /// <param name="ctrAlpha">Significance of the CTR drop (two-proportion z-test, one-sided). In (0, 1).</param>
    /// <param name="trendDays">Days in the narrowing trend. ≥ 5.</param>
    /// <param name="trendAlpha">Significance of a decreasing trend (Mann–Kendall, one-sided). In (0, 1).</param>
    /// <param name="minRelativeDecline">Decline from the first two days' mean to the last two days' mean that is reported. In (0, 1].</param>
    /// <param name="minDailyImpressions">Impressions a day needs to count. ≥ 1.</param>
    public FeedbackLoopPolicy(
        int baselineDays = 7,
        double ctrRelativeDrop = 0.2,
        double ctrAlpha = 0.001,
        int trendDays = 7,
        double trendAlpha = 0.01,
        double minRelativeDecline = 0.15,
        long minDailyImpressions = 1000)
    {
        BaselineDays = baselineDays >= 1 ? baselineDays : throw new ArgumentOutOfRangeException(nameof(baselineDays), baselineDays, "Must be at least 1.");
        CtrRelativeDrop = PolicyArguments.RequireShare(ctrRelativeDrop, nameof(ctrRelativeDrop));
        CtrAlpha = PolicyArguments.RequireConfidence(ctrAlpha, nameof(ctrAlpha));
        TrendDays = trendDays >= 5 ? trendDays : throw new ArgumentOutOfRangeException(nameof(trendDays), trendDays, "Must be at least 5: fewer days cannot reach significance.");
        TrendAlpha = PolicyArguments.RequireConfidence(trendAlpha, nameof(trendAlpha));
        MinRelativeDecline = PolicyArguments.RequireShare(minRelativeDecline, nameof(minRelativeDecline));
        MinDailyImpressions = minDailyImpressions >= 1 ? minDailyImpressions : throw new ArgumentOutOfRangeException(nameof(minDailyImpressions), minDailyImpressions, "Must be at least 1.");
    }

    public static FeedbackLoopPolicy Default { get; } = new();

    public int BaselineDays { get; }

    public double CtrRelativeDrop { get; }

    public double CtrAlpha { get; }

    public int TrendDays { get; }

    public double TrendAlpha { get; }

    public double MinRelativeDecline { get; }

    public long MinDailyImpressions { get; }

    /// <summary>Days of history the check reads: the longer of the trend and the baseline plus the evaluated day.</summary>
    public int HistoryDays => Math.Max(TrendDays, BaselineDays + 1);
}
