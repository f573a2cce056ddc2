namespace ModelMonitor.Core.Operations;

/// <summary>
/// The seasonal expectation of one metric in one hour: the median of the same hour in up to N earlier weeks, and the
/// median of the same hour on the 6 days before (the only basis with less than a week of history).
/// </summary>
/// <param name="Weekly">Median of the same hour of the week in earlier weeks; NaN without any.</param>
/// <param name="WeeklyCount">How many earlier weeks were available.</param>
/// <param name="Daily">Median of the same hour on earlier days; NaN with fewer than <see cref="MinimumDays"/>.</param>
/// <param name="DailyCount">How many earlier days were available.</param>
/// <param name="Volume">Median volume of the values behind the primary basis.</param>
/// <param name="DailyUpper">Median of the busier half of the earlier days (weekdays, for a weekly cycle).</param>
/// <param name="DailyLower">Median of the quieter half of the earlier days.</param>
internal sealed record HourlyBaseline(double Weekly, int WeeklyCount, double Daily, int DailyCount, double Volume, double DailyUpper, double DailyLower)
{
    /// <summary>Earlier days needed for a day-based baseline.</summary>
    public const int MinimumDays = 3;

    /// <summary>The basis compared with: weekly when there is any, else daily; NaN when history is too short.</summary>
    public double Primary => WeeklyCount > 0 ? Weekly : Daily;

    public bool IsTooShort => WeeklyCount == 0 && DailyCount < MinimumDays;

    public static HourlyBaseline For(ServingSeries series, DateTimeOffset hour, ServingMetric metric, int weeks)
    {
        var weekly = new List<double>();
        var weeklyVolume = new List<double>();
        for (var k = 1; k <= weeks; k++)
        {
            Collect(series.Hour(hour - TimeSpan.FromDays(7 * k)), metric, weekly, weeklyVolume);
        }

        var daily = new List<double>();
        var dailyVolume = new List<double>();
        for (var d = 1; d <= 6; d++)
        {
            Collect(series.Hour(hour - TimeSpan.FromDays(d)), metric, daily, dailyVolume);
        }

        double dailyMedian = daily.Count >= MinimumDays || weekly.Count > 0 ? Median.Of(daily) : double.NaN;
        var sorted = daily.Order().ToArray();
        int half = (sorted.Length + 1) / 2;
        return new HourlyBaseline(
            Median.Of(weekly),
            weekly.Count,
            dailyMedian,
            daily.Count,
            weekly.Count > 0 ? Median.Of(weeklyVolume) : Median.Of(dailyVolume),
            Median.Of(sorted[^half..]),
            Median.Of(sorted[..half]));
    }

    private static void Collect(ServingPoint? point, ServingMetric metric, List<double> values, List<double> volumes)
    {
        if (point is null)
        {
            return;
        }

        // Counts are zero in an hour without traffic; latency, CPU or memory of such an hour are unknown (NaN) and skipped.
        double value = point.Value(metric);
        if (double.IsFinite(value))
        {
            values.Add(value);
            volumes.Add(point.Volume(metric));
        }
    }
}
