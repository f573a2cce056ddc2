using ModelMonitor.Service.Cycle;

namespace ModelMonitor.Service.Tests.Cycle;

public sealed class CycleScheduleTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly MonitoringCycleOptions Options = new();

    [Fact]
    public void Due_FirstRun_RunsEveryStage() =>
        Assert.Equal(CycleStages.All, CycleSchedule.Due(null, Midnight.AddMinutes(7), Options));

    [Fact]
    public void Due_WithinOneQuarterHour_RunsNothing() =>
        Assert.Equal(CycleStages.None, CycleSchedule.Due(Midnight.AddHours(3).AddMinutes(1), Midnight.AddHours(3).AddMinutes(14), Options));

    [Fact]
    public void Due_QuarterHourClosedInsideAnHour_RunsOnlyTheStatisticalChecks() =>
        Assert.Equal(CycleStages.Statistical, CycleSchedule.Due(Midnight.AddHours(3).AddMinutes(10), Midnight.AddHours(3).AddMinutes(20), Options));

    [Fact]
    public void Due_HourClosed_RunsHourlyStagesButNotTheDailyOnes() =>
        Assert.Equal(
            CycleStages.RollupHourly | CycleStages.Operational | CycleStages.Abuse | CycleStages.Statistical,
            CycleSchedule.Due(Midnight.AddHours(3).AddMinutes(55), Midnight.AddHours(4).AddMinutes(2), Options));

    [Fact]
    public void Due_DayClosed_RollsUpTheDayButJudgesItsFeedbackLoopOnlyAfterTheOutcomeDelay()
    {
        var atMidnight = CycleSchedule.Due(Midnight.AddMinutes(-5), Midnight.AddMinutes(5), Options);
        var sixHoursLater = CycleSchedule.Due(Midnight.AddHours(5).AddMinutes(55), Midnight.AddHours(6).AddMinutes(5), Options);

        Assert.True(atMidnight.HasFlag(CycleStages.RollupDaily));
        Assert.False(atMidnight.HasFlag(CycleStages.FeedbackLoop));
        Assert.True(sixHoursLater.HasFlag(CycleStages.FeedbackLoop));
        Assert.False(sixHoursLater.HasFlag(CycleStages.RollupDaily));
    }

    [Fact]
    public void Due_ClockNotMoved_RunsNothing() =>
        Assert.Equal(CycleStages.None, CycleSchedule.Due(Midnight.AddHours(2), Midnight.AddHours(2), Options));
}
