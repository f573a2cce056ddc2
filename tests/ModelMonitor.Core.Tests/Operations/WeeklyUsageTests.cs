using ModelMonitor.Core.Operations;

namespace ModelMonitor.Core.Tests.Operations;

public class WeeklyUsageTests
{
    private static readonly OperationalPolicy Policy = OperationalPolicy.Default;

    [Fact]
    public void Compare_WeekOverWeekDrop_IsWhatTheWeeklyRuleJudged()
    {
        var stream = new ServingStream { Days = 22, DayLevel = day => day >= 14 ? 0.80 : 1.0, PeakPerHour = 2400 };
        var series = ServingSeries.Build(stream.Build());
        var nightEnd = stream.DayStart(21).AddHours(3);

        var compared = WeeklyUsage.Compare(series, nightEnd, ServingMetric.Requests, Policy.UsageSwing);
        var weekly = Assert.Single(OperationalChecks.Evaluate(series, Policy, nightEnd).Alerts, a => a.Subkind == "weekly-requests");

        Assert.NotNull(compared);
        Assert.Equal(weekly.Evidence["current"], compared.Value.Current);
        Assert.Equal(weekly.Evidence["baseline"], compared.Value.Baseline);
        Assert.InRange(compared.Value.Current / compared.Value.Baseline, 0.75, 0.85);
    }

    [Fact]
    public void Compare_ThirteenDaysOfHistory_IsNull()
    {
        var stream = new ServingStream { Days = 13 };
        var series = ServingSeries.Build(stream.Build());

        Assert.Null(WeeklyUsage.Compare(series, stream.DayStart(13), ServingMetric.Requests, Policy.UsageSwing));
    }

    [Fact]
    public void Compare_FourteenDaysOfHistory_ComparesTheSecondWeekWithTheFirst()
    {
        var stream = new ServingStream { Days = 14, DayLevel = day => day >= 7 ? 1.5 : 1.0 };
        var series = ServingSeries.Build(stream.Build());

        var compared = WeeklyUsage.Compare(series, stream.DayStart(14), ServingMetric.Requests, Policy.UsageSwing);

        Assert.NotNull(compared);
        double firstWeek = 0, secondWeek = 0;
        for (var hour = stream.DayStart(0); hour < stream.DayStart(14); hour = hour.AddHours(1))
        {
            double requests = series.Hour(hour)!.Requests;
            if (hour < stream.DayStart(7))
            {
                firstWeek += requests;
            }
            else
            {
                secondWeek += requests;
            }
        }

        Assert.Equal(secondWeek, compared.Value.Current, 6);
        Assert.Equal(firstWeek, compared.Value.Baseline, 6);
    }
}
