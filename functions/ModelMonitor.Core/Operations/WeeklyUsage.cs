namespace ModelMonitor.Core.Operations;

/// <summary>The weekly usage-swing rule's comparison, for views that draw its band (the report).</summary>
public static class WeeklyUsage
{
    /// <summary>
    /// The 7 days before <paramref name="end"/> (floored to a day) and the median of the weeks before them, exactly as
    /// the weekly rule compares them; null when the series lacks either.
    /// </summary>
    public static (double Current, double Baseline)? Compare(ServingSeries series, DateTimeOffset end, ServingMetric metric, UsageSwingPolicy policy) =>
        UsageSwingRule.WeeklyComparison(series, end, metric, policy);
}
