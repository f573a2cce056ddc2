using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Operations;

namespace ModelMonitor.Core.Tests.Operations;

public class OperationalChecksTests
{
    private static readonly OperationalPolicy Policy = OperationalPolicy.Default;

    [Fact]
    public void Evaluate_FifteenDaysOfDailyCyclesOnACleanModel_RaisesNothingAtAnyHour()
    {
        var stream = new ServingStream { Days = 15, WeeklyCycle = false };
        var series = ServingSeries.Build(stream.Build());

        var alerts = Evaluations.EveryHour(series, Policy, stream.HourStart(1), stream.DayStart(15));

        Assert.True(alerts.Count == 0, Evaluations.Describe(alerts));
    }

    [Fact]
    public void Evaluate_FifteenDaysWithWeeklyCycleOnceAWeekIsKnown_RaisesNothingAtAnyHour()
    {
        var stream = new ServingStream { Days = 15 };
        var series = ServingSeries.Build(stream.Build());

        var alerts = Evaluations.EveryHour(series, Policy, stream.DayStart(7), stream.DayStart(15));

        Assert.True(alerts.Count == 0, Evaluations.Describe(alerts));
    }

    [Fact]
    public void Evaluate_HolidayInTheBaselineWeekAndAnOddHourAWeekAgo_RaisesNothing()
    {
        // Day 2 (a Wednesday) is a holiday and hour 7·24+14 a week ago doubled; the second week is ordinary.
        var stream = new ServingStream
        {
            Days = 15,
            Holidays = new HashSet<int> { 2 },
            OddHours = new Dictionary<int, double> { [(7 * 24) + 14] = 2.5, [(8 * 24) + 3] = 0.2 },
        };
        var series = ServingSeries.Build(stream.Build());

        var alerts = Evaluations.EveryHour(series, Policy, stream.DayStart(8).AddHours(1), stream.DayStart(15));

        Assert.True(alerts.Count == 0, Evaluations.Describe(alerts));
    }

    [Fact]
    public void Evaluate_PlainWeekAgoRuleOnTheSameHolidayStream_WouldFire()
    {
        // The control for the test above: one hour against the same hour a week earlier, 30%, no persistence.
        var stream = new ServingStream { Days = 15, Holidays = new HashSet<int> { 2 } };
        var series = ServingSeries.Build(stream.Build());

        int fired = 0;
        for (var hour = stream.DayStart(9); hour < stream.DayStart(10); hour = hour.AddHours(1))
        {
            double now = series.Hour(hour)!.Requests;
            double weekAgo = series.Hour(hour.AddDays(-7))!.Requests;
            fired += Math.Abs(now - weekAgo) / weekAgo >= 0.30 ? 1 : 0;
        }

        Assert.Equal(24, fired);
    }

    [Fact]
    public void Evaluate_WeekOverWeekDrop_FiresTheWeeklyRuleButNotTheHourlyOneAtNight()
    {
        // The last week runs 20% below the two before: beyond the weekly 15%, within the hourly 30%.
        var stream = new ServingStream { Days = 22, DayLevel = day => day >= 14 ? 0.80 : 1.0, PeakPerHour = 2400 };
        var series = ServingSeries.Build(stream.Build());
        var nightEnd = stream.DayStart(21).AddHours(3);

        var result = OperationalChecks.Evaluate(series, Policy, nightEnd);

        var weekly = Assert.Single(result.Alerts, a => a.Subkind == "weekly-requests");
        Assert.Equal(AlertKind.UsageSwing, weekly.Kind);
        Assert.InRange(weekly.Evidence["change"]!.Value, -0.30, -0.15);
        Assert.Equal(stream.DayStart(14), weekly.WindowStart);
        var hourly = Assert.Single(result.Conditions, c => c.Subkind == "hourly-requests");
        Assert.Equal(ConditionState.Clear, hourly.State);
        Assert.True(hourly.Evidence["volume"] >= Policy.UsageSwing.Requests.MinimumHourlyVolume, "the night hour must be judged, not skipped for volume");
        Assert.DoesNotContain(result.Alerts, a => a.Subkind!.StartsWith("hourly-", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_SustainedHourlyDrop_FiresAfterTwoHoursNotAfterOne()
    {
        // From day 14 13:00 traffic falls by 60% (below the 80% that fires from one hour).
        int dropHour = (14 * 24) + 13;
        var stream = new ServingStream { Days = 15, Versions = _ => [new VersionShare("1", 1.0)], OddHours = Enumerable.Range(dropHour, 11).ToDictionary(h => h, _ => 0.4) };
        var series = ServingSeries.Build(stream.Build());

        var afterOne = OperationalChecks.Evaluate(series, Policy, stream.HourStart(dropHour + 1));
        var afterTwo = OperationalChecks.Evaluate(series, Policy, stream.HourStart(dropHour + 2));

        Assert.DoesNotContain(afterOne.Alerts, a => a.Subkind == "hourly-requests");
        Assert.Equal("swing not yet persistent", Assert.Single(afterOne.Conditions, c => c.Subkind == "hourly-requests").Detail);
        var alert = Assert.Single(afterTwo.Alerts, a => a.Subkind == "hourly-requests");
        Assert.True(alert.Evidence["change"] < -0.3);
        Assert.Equal(2, alert.Evidence["persistedHours"]);
    }

    [Fact]
    public void Evaluate_HistoryShorterThanThreeDays_SaysSoInsteadOfGuessing()
    {
        var stream = new ServingStream { Days = 2 };
        var series = ServingSeries.Build(stream.Build());

        var result = OperationalChecks.Evaluate(series, Policy, stream.DayStart(2));

        Assert.Empty(result.Alerts);
        Assert.All(result.Conditions.Where(c => c.Kind == AlertKind.UsageSwing && c.State != ConditionState.Disabled), c => Assert.Equal(ConditionState.HistoryTooShort, c.State));
    }

    [Fact]
    public void Evaluate_CanaryWithSlowerLatency_AttributesTheRegressionToTheNewVersion()
    {
        // Version 2 takes 20% of the traffic from day 9 12:00 with latency 1.5×; everything else is the same.
        int switchHour = (9 * 24) + 12;
        var stream = new ServingStream
        {
            Days = 10,
            Versions = h => h < switchHour
                ? [new VersionShare("1", 1.0)]
                : [new VersionShare("1", 0.8), new VersionShare("2", 0.2, LatencyFactor: 1.5)],
        };
        var series = ServingSeries.Build(stream.Build());

        var result = OperationalChecks.Evaluate(series, Policy, stream.HourStart(switchHour + 6));

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(AlertKind.ComputationalRegression, alert.Kind);
        Assert.Equal("latency", alert.Subkind);
        Assert.Equal("2", alert.ModelVersion);
        Assert.StartsWith("Version 2 vs 1:", alert.Message, StringComparison.Ordinal);
        Assert.Equal(6, alert.Evidence["concurrentHours"]);
        Assert.All(result.Conditions.Where(c => c.Kind == AlertKind.ComputationalRegression && c.Subkind != "latency"), c => Assert.Equal(ConditionState.Clear, c.State));
    }

    [Fact]
    public void Evaluate_FullSwitchToASlowerVersion_ComparesWithThePreviousVersionOnEarlierDays()
    {
        int switchHour = (9 * 24) + 8;
        var stream = new ServingStream
        {
            Days = 10,
            Versions = h => h < switchHour ? [new VersionShare("1", 1.0)] : [new VersionShare("2", 1.0, LatencyFactor: 1.3, CpuFactor: 1.25)],
        };
        var series = ServingSeries.Build(stream.Build());

        var result = OperationalChecks.Evaluate(series, Policy, stream.HourStart(switchHour + 4));

        var regressions = result.Alerts.Where(a => a.Kind == AlertKind.ComputationalRegression).ToList();
        Assert.Equal(["cpu", "latency"], regressions.Select(a => a.Subkind).Order(StringComparer.Ordinal));
        Assert.All(regressions, a => Assert.Equal("2", a.ModelVersion));
        Assert.All(regressions, a => Assert.Equal(0, a.Evidence["concurrentHours"]));
        Assert.All(regressions, a => Assert.Contains("vs 1", a.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_NewVersionThatIsNoWorse_RaisesNoRegressionAtAnyHour()
    {
        int switchHour = (9 * 24) + 12;
        var stream = new ServingStream
        {
            Days = 12,
            Versions = h => h < switchHour ? [new VersionShare("1", 1.0)] : [new VersionShare("1", 0.5), new VersionShare("2", 0.5)],
        };
        var series = ServingSeries.Build(stream.Build());

        var alerts = Evaluations.EveryHour(series, Policy, stream.HourStart(switchHour + 1), stream.DayStart(12));

        Assert.True(alerts.Count == 0, Evaluations.Describe(alerts));
    }

    [Fact]
    public void Evaluate_ErrorRateRise_Fires()
    {
        int badHour = (10 * 24) + 15;
        var stream = new ServingStream { Days = 11, Versions = h => [new VersionShare("1", 1.0, ErrorRate: h == badHour ? 0.06 : 0.01)] };
        var series = ServingSeries.Build(stream.Build());

        var result = OperationalChecks.Evaluate(series, Policy, stream.HourStart(badHour + 1));

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(AlertKind.ErrorRate, alert.Kind);
        Assert.InRange(alert.Evidence["baselineRate"]!.Value, 0.008, 0.012);
        Assert.True(alert.Evidence["rate"] > 0.04);
        Assert.Contains("500", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ModelThatStopsSending_AlertsWithinTheFirstSilentHour()
    {
        // A small model: about 30 requests an hour at its peak, below every usage-swing minimum volume.
        int silentFrom = (9 * 24) + 11;
        var stream = new ServingStream { Days = 10, PeakPerHour = 30, SilentFromHour = silentFrom };
        var series = ServingSeries.Build(stream.Build());

        var before = OperationalChecks.Evaluate(series, Policy, stream.HourStart(silentFrom));
        var after = OperationalChecks.Evaluate(series, Policy, stream.HourStart(silentFrom + 1));

        Assert.Empty(before.Alerts);
        var alert = Assert.Single(after.Alerts);
        Assert.Equal((AlertKind.UsageSwing, "silence"), (alert.Kind, alert.Subkind));
        Assert.Equal(0, alert.Evidence["observed"]);
        Assert.Equal(1, alert.Evidence["gapHours"]);
        Assert.Equal(stream.HourStart(silentFrom), alert.WindowStart);
    }

    [Fact]
    public void Evaluate_RetiredModelThatStopsSending_RaisesNothing()
    {
        int silentFrom = (9 * 24) + 11;
        var stream = new ServingStream { Days = 10, SilentFromHour = silentFrom };
        var series = ServingSeries.Build(stream.Build());
        var retired = new OperationalPolicy(retired: true);

        var alerts = Evaluations.EveryHour(series, retired, stream.HourStart(silentFrom + 1), stream.DayStart(10));

        Assert.Empty(alerts);
        Assert.All(OperationalChecks.Evaluate(series, retired, stream.DayStart(10)).Conditions, c => Assert.Equal(ConditionState.Disabled, c.State));
    }

    [Fact]
    public void Evaluate_HourNotOnTheHour_Throws()
    {
        var series = ServingSeries.Build(new ServingStream { Days = 1 }.Build());

        Assert.Throws<ArgumentException>(() => OperationalChecks.Evaluate(series, Policy, ServingStream.Monday.AddMinutes(90)));
    }
}
