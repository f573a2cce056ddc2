using ModelMonitor.Core.Operations;

namespace ModelMonitor.Service.Reports;

/// <summary>
/// The band the hourly usage-swing rule judges an hour's requests against: the seasonal baseline (median of the same
/// hour in up to <see cref="UsageSwingPolicy.BaselineWeeks"/> earlier weeks, or with no earlier week the same hour on at
/// least three of the 6 days before) times 1 ± <see cref="UsageSwingPolicy.HourlyThreshold"/>. Only hours inside the
/// read history count, so the band starts once the report's own range holds enough days.
/// </summary>
internal sealed record SeasonalBand(double Lower, double Upper)
{
    public const int MinimumDays = 3;

    public static SeasonalBand? Requests(ServingSeries series, DateTimeOffset hour, UsageSwingPolicy policy)
    {
        var weekly = new List<double>();
        for (var k = 1; k <= policy.BaselineWeeks; k++)
        {
            if (series.Hour(hour - TimeSpan.FromDays(7 * k)) is { } point)
            {
                weekly.Add(point.Requests);
            }
        }

        var daily = new List<double>();
        for (var d = 1; d <= 6; d++)
        {
            if (series.Hour(hour - TimeSpan.FromDays(d)) is { } point)
            {
                daily.Add(point.Requests);
            }
        }

        double? baseline = weekly.Count > 0 ? Median(weekly) : daily.Count >= MinimumDays ? Median(daily) : null;
        return baseline is { } b ? new SeasonalBand(b * (1 - policy.HourlyThreshold), b * (1 + policy.HourlyThreshold)) : null;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
