using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Operations;
using Xunit.Abstractions;

namespace ModelMonitor.Core.Tests.Operations;

/// <summary>
/// False alarms per month of the operational checks on half a year of realistic clean traffic: daily and weekly
/// cycles, noise, a slow trend, six holidays and one odd hour every week. An alert during a holiday is a true swing
/// (traffic really fell), every other alert is a false alarm. The plain rule (one hour against the same hour a week
/// earlier, ±30%) is measured on the same stream for comparison.
/// </summary>
public class FalseAlarmRateTests(ITestOutputHelper output)
{
    private const double HoursPerMonth = 730;

    [Theory]
    [InlineData(101)]
    [InlineData(202)]
    public void Evaluate_HalfAYearOfCleanSeasonalTraffic_StaysWithinOneFalseAlarmAMonth(int seed)
    {
        var random = new Random(seed);
        var holidays = new HashSet<int> { 17, 45, 74, 101, 130, 158 };
        var odd = new Dictionary<int, double>();
        for (var week = 0; week < 26; week++)
        {
            odd[(week * 168) + random.Next(168)] = random.Next(2) == 0 ? 0.3 : 2.5;
        }

        var stream = new ServingStream { Days = 182, Seed = seed, Holidays = holidays, OddHours = odd };
        var series = ServingSeries.Build(stream.Build());
        var first = stream.DayStart(7);
        var last = stream.DayStart(182);

        var alerts = Evaluations.EveryHour(series, OperationalPolicy.Default, first, last);
        // Alerts on a holiday or on an injected odd hour itself report a real swing; only the rest are false alarms
        // (echoes of a holiday or odd hour in the baseline, noise, the trend, the weekly cycle).
        var onHolidays = alerts.Where(a => holidays.Contains((int)((a.WindowStart - stream.Start).TotalDays))).ToList();
        var onOddHours = alerts.Where(a => a.WindowEnd - a.WindowStart == TimeSpan.FromHours(1) && odd.ContainsKey((int)(a.WindowStart - stream.Start).TotalHours)).ToList();
        var falseAlarms = alerts.Except(onHolidays).Except(onOddHours).ToList();
        int plain = PlainRuleAlarms(series, first, last, holidays, stream);
        double months = (last - first).TotalHours / HoursPerMonth;

        output.WriteLine($"seed {seed}: {months:F1} months, {falseAlarms.Count} false alarms ({falseAlarms.Count / months:F2}/month), "
            + $"{onHolidays.Count} alerts on holidays, {onOddHours.Count} on the odd hours themselves, plain week-ago rule {plain} ({plain / months:F1}/month)");
        output.WriteLine(Evaluations.Describe(falseAlarms));
        Assert.True(falseAlarms.Count / months <= 1.0, Evaluations.Describe(falseAlarms));
        Assert.True(plain > falseAlarms.Count, "the plain rule is the noisy control");
    }

    // One hour against the same hour a week earlier, ±30%, requests only, no persistence, holidays excluded.
    private static int PlainRuleAlarms(ServingSeries series, DateTimeOffset first, DateTimeOffset last, HashSet<int> holidays, ServingStream stream)
    {
        int alarms = 0;
        for (var hour = first; hour < last; hour = hour.AddHours(1))
        {
            if (holidays.Contains((int)((hour - stream.Start).TotalDays)))
            {
                continue;
            }

            double now = series.Hour(hour)!.Requests;
            double weekAgo = series.Hour(hour.AddDays(-7))!.Requests;
            alarms += weekAgo > 0 && Math.Abs(now - weekAgo) / weekAgo >= 0.30 ? 1 : 0;
        }

        return alarms;
    }
}
