using ModelMonitor.Core.Windows;

namespace ModelMonitor.Service.Cycle;

/// <summary>
/// Which stages a clock step from <c>previous</c> to <c>now</c> makes due: each stage runs when a window of its
/// cadence closed in between, as its timer would. Pure, so a replay's simulated clock and a timer agree.
/// </summary>
/// <remarks>
/// Cadences: hourly roll-ups, operational and abuse checks at each hour's close; the statistical checks when a window
/// of <see cref="MonitoringCycleOptions.StatisticalCadence"/> closes; daily roll-ups at each day's close; the
/// feedback loop once a day, <see cref="MonitoringCycleOptions.FeedbackOutcomeDelay"/> after the day closed (its late
/// clicks have arrived). Without a previous step every stage is due.
/// </remarks>
public static class CycleSchedule
{
    public static CycleStages Due(DateTimeOffset? previous, DateTimeOffset now, MonitoringCycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (previous is not { } before)
        {
            return CycleStages.All;
        }

        if (now <= before)
        {
            return CycleStages.None;
        }

        var due = CycleStages.None;
        if (Crossed(Granularity.Hour, before, now))
        {
            due |= CycleStages.RollupHourly | CycleStages.Operational | CycleStages.Abuse;
        }

        if (Crossed(options.StatisticalCadence, before, now))
        {
            due |= CycleStages.Statistical;
        }

        if (Crossed(Granularity.Day, before, now))
        {
            due |= CycleStages.RollupDaily;
        }

        if (Crossed(Granularity.Day, before - options.FeedbackOutcomeDelay, now - options.FeedbackOutcomeDelay))
        {
            due |= CycleStages.FeedbackLoop;
        }

        return due;
    }

    private static bool Crossed(Granularity cadence, DateTimeOffset before, DateTimeOffset now) => cadence.Floor(now) > cadence.Floor(before);
}
