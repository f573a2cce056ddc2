using System.Globalization;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// The hourly and weekly usage-swing rules (<see cref="AlertKind.UsageSwing"/>, subkinds <c>hourly-{metric}</c> and
/// <c>weekly-{metric}</c>), on all versions of a model together.
/// </summary>
/// <remarks>
/// Hourly: the last complete hour against the median of the same hour in up to <see cref="UsageSwingPolicy.BaselineWeeks"/>
/// earlier weeks (with less than a week, the median of the same hour on earlier days). A median of three or more weeks
/// shrugs off a holiday or one odd hour; with one or two weeks the swing must also show, in the same direction and at
/// against the same hour on the 6 days before (a rise by the threshold against their busier half, a fall by half of it
/// against their quieter half), so a holiday in the only baseline week does not fire. Count swings must also exceed
/// <see cref="CountNoiseZ"/> Poisson standard deviations.
/// The swing must last <see cref="UsageSwingPolicy.PersistHours"/> consecutive hours unless it reaches
/// <see cref="UsageSwingPolicy.HugeChange"/>. Weekly: the last 7 complete days against the median of up to
/// <see cref="UsageSwingPolicy.BaselineWeeks"/> earlier 7-day periods; both the change of the week's total and the median
/// of the 7 day-by-day changes (each day against the median of the same weekday in earlier weeks) must pass the
/// threshold the same way, so one holiday in either week does not fire it.
/// </remarks>
internal static class UsageSwingRule
{
    /// <summary>Standard deviations of Poisson noise a count swing must exceed besides the relative threshold.</summary>
    public const double CountNoiseZ = 4.0;

    public static void Evaluate(ServingSeries series, UsageSwingPolicy policy, DateTimeOffset hourEnd, List<MonitorAlert> alerts, List<ConditionOutcome> conditions)
    {
        foreach (var metric in Enum.GetValues<ServingMetric>())
        {
            var settings = policy.For(metric);
            if (!policy.Enabled || !settings.Enabled)
            {
                conditions.Add(ConditionOutcome.Without(AlertKind.UsageSwing, Subkind("hourly", metric), WindowSummary.AnyVersion, ConditionState.Disabled, "disabled by policy"));
                conditions.Add(ConditionOutcome.Without(AlertKind.UsageSwing, Subkind("weekly", metric), WindowSummary.AnyVersion, ConditionState.Disabled, "disabled by policy"));
                continue;
            }

            Hourly(series, policy, settings, metric, hourEnd, alerts, conditions);
            Weekly(series, policy, settings, metric, hourEnd, alerts, conditions);
        }
    }

    private static string Subkind(string rule, ServingMetric metric) => $"{rule}-{metric.ToString().ToLowerInvariant()}";

    private static void Hourly(
        ServingSeries series, UsageSwingPolicy policy, MetricSwingPolicy settings, ServingMetric metric, DateTimeOffset hourEnd, List<MonitorAlert> alerts, List<ConditionOutcome> conditions)
    {
        var subkind = Subkind("hourly", metric);
        var hour = hourEnd - Granularity.Hour.Length;
        var last = Judge(series, policy, settings, metric, hour);
        if (last.State != ConditionState.Clear || last.Change is not { } change)
        {
            conditions.Add(new ConditionOutcome(AlertKind.UsageSwing, subkind, WindowSummary.AnyVersion, last.State, last.Detail, last.Evidence));
            return;
        }

        int persisted = 1;
        if (last.Deviates && Math.Abs(change) < policy.HugeChange)
        {
            for (; persisted < policy.PersistHours; persisted++)
            {
                var earlier = Judge(series, policy, settings, metric, hour - (persisted * Granularity.Hour.Length));
                if (!earlier.Deviates || earlier.Change is not { } c || Math.Sign(c) != Math.Sign(change))
                {
                    break;
                }
            }
        }

        var evidence = new Dictionary<string, double?>(last.Evidence, StringComparer.Ordinal) { ["persistedHours"] = persisted };
        bool fires = last.Deviates && (Math.Abs(change) >= policy.HugeChange || persisted >= policy.PersistHours);
        if (!fires)
        {
            var detail = last.Deviates ? "swing not yet persistent" : last.Detail;
            conditions.Add(new ConditionOutcome(AlertKind.UsageSwing, subkind, WindowSummary.AnyVersion, ConditionState.Clear, detail, evidence));
            return;
        }

        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{metric} in hour {hour:yyyy-MM-dd HH}:00Z is {last.Current:G4} against a seasonal {last.Baseline:G4} ({change:+0%;-0%}) for {persisted} hour(s).");
        alerts.Add(new MonitorAlert(
            AlertKind.UsageSwing, subkind, series.ModelId, WindowSummary.AnyVersion, null, SeverityOf(change, policy.HugeChange), hour, hourEnd, evidence, message));
        conditions.Add(new ConditionOutcome(AlertKind.UsageSwing, subkind, WindowSummary.AnyVersion, ConditionState.Fired, last.Detail, evidence));
    }

    private static HourJudgement Judge(ServingSeries series, UsageSwingPolicy policy, MetricSwingPolicy settings, ServingMetric metric, DateTimeOffset hour)
    {
        var point = series.Hour(hour);
        var baseline = HourlyBaseline.For(series, hour, metric, policy.BaselineWeeks);
        if (point is null || baseline.IsTooShort)
        {
            return HourJudgement.Unjudged(ConditionState.HistoryTooShort, "history too short: no earlier week and fewer than 3 earlier days of this hour");
        }

        double current = point.Value(metric);
        double expected = baseline.Primary;
        var evidence = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["current"] = Evidence.Finite(current),
            ["baseline"] = Evidence.Finite(expected),
            ["weeklyBaseline"] = Evidence.Finite(baseline.Weekly),
            ["baselineWeeks"] = baseline.WeeklyCount,
            ["dailyBaseline"] = Evidence.Finite(baseline.Daily),
            ["baselineDays"] = baseline.DailyCount,
            ["volume"] = point.Volume(metric),
            ["threshold"] = policy.HourlyThreshold,
        };
        if (Math.Max(point.Volume(metric), baseline.Volume) < settings.MinimumHourlyVolume || !double.IsFinite(current) || !(expected > 0))
        {
            return new HourJudgement(ConditionState.BelowVolume, "volume below the minimum", current, expected, null, false, evidence);
        }

        double change = (current - expected) / expected;
        evidence["change"] = change;
        bool deviates = Math.Abs(change) >= policy.HourlyThreshold && Allowed(settings.Direction, change);
        string? detail = null;
        if (deviates && metric is ServingMetric.Requests or ServingMetric.Errors)
        {
            // Counts are at least Poisson-noisy: near the minimum volume a 30% swing is only about three standard
            // deviations, which a year of hours crosses by chance. The swing must also be beyond that noise.
            double noise = (current - expected) / Math.Sqrt(Math.Max(1, expected));
            evidence["noiseZ"] = noise;
            if (Math.Abs(noise) < CountNoiseZ)
            {
                deviates = false;
                detail = "swing within counting noise";
            }
        }

        if (deviates && baseline.WeeklyCount is > 0 and < 3)
        {
            // One or two baseline weeks: a holiday or an odd hour in them moves the baseline, so the swing must also
            // stand out, the same way, against the same hour on the 6 days before. Those days mix weekdays and weekend
            // days: a rise must pass the full threshold against their busier half, a fall half the threshold against
            // their quieter half (which sits below an ordinary weekday).
            bool rise = change > 0;
            double reference = rise ? baseline.DailyUpper : baseline.DailyLower;
            double recent = reference > 0 ? (current - reference) / reference : double.NaN;
            double needed = rise ? policy.HourlyThreshold : policy.HourlyThreshold / 2;
            evidence["dailyChange"] = Evidence.Finite(recent);
            if (!(Math.Sign(recent) == Math.Sign(change) && Math.Abs(recent) >= needed))
            {
                deviates = false;
                detail = "swing against earlier weeks not borne out by earlier days";
            }
        }

        return new HourJudgement(ConditionState.Clear, detail, current, expected, change, deviates, evidence);
    }

    private static void Weekly(
        ServingSeries series, UsageSwingPolicy policy, MetricSwingPolicy settings, ServingMetric metric, DateTimeOffset hourEnd, List<MonitorAlert> alerts, List<ConditionOutcome> conditions)
    {
        var subkind = Subkind("weekly", metric);
        var end = Granularity.Day.Floor(hourEnd);
        var week = TimeSpan.FromDays(7);
        var (current, earlier) = Weeks(series, end, metric, policy);

        if (current is null || earlier.Count == 0)
        {
            conditions.Add(ConditionOutcome.Without(AlertKind.UsageSwing, subkind, WindowSummary.AnyVersion, ConditionState.HistoryTooShort, "history too short: the weekly rule needs 14 complete days"));
            return;
        }

        double expected = Median.Of([.. earlier.Select(e => e.Value)]);
        double volume = Median.Of([.. earlier.Select(e => e.Volume)]);
        double dayByDay = DayByDayChange(series, end - week, metric, earlier.Count);
        var evidence = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["current"] = Evidence.Finite(current.Value.Value),
            ["baseline"] = Evidence.Finite(expected),
            ["baselineWeeks"] = earlier.Count,
            ["volume"] = current.Value.Volume,
            ["dayByDayChange"] = Evidence.Finite(dayByDay),
            ["threshold"] = policy.WeeklyThreshold,
        };
        if (Math.Max(current.Value.Volume, volume) < settings.MinimumWeeklyVolume || !double.IsFinite(current.Value.Value) || !(expected > 0))
        {
            conditions.Add(new ConditionOutcome(AlertKind.UsageSwing, subkind, WindowSummary.AnyVersion, ConditionState.BelowVolume, "volume below the minimum", evidence));
            return;
        }

        double change = (current.Value.Value - expected) / expected;
        evidence["change"] = change;
        bool swings = Math.Abs(change) >= policy.WeeklyThreshold && Allowed(settings.Direction, change)
            && Math.Abs(dayByDay) >= policy.WeeklyThreshold && Math.Sign(dayByDay) == Math.Sign(change);
        if (!swings)
        {
            conditions.Add(new ConditionOutcome(AlertKind.UsageSwing, subkind, WindowSummary.AnyVersion, ConditionState.Clear, null, evidence));
            return;
        }

        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{metric} over the 7 days to {end:yyyy-MM-dd} is {current.Value.Value:G4} against {expected:G4} in the weeks before ({change:+0%;-0%}; day by day {dayByDay:+0%;-0%}).");
        alerts.Add(new MonitorAlert(AlertKind.UsageSwing, subkind, series.ModelId, WindowSummary.AnyVersion, null, SeverityOf(change, policy.HugeChange), end - week, end, evidence, message));
        conditions.Add(new ConditionOutcome(AlertKind.UsageSwing, subkind, WindowSummary.AnyVersion, ConditionState.Fired, null, evidence));
    }

    // The median over the week's 7 days of each day's change against the median of the same weekday in earlier weeks.
    private static double DayByDayChange(ServingSeries series, DateTimeOffset weekStart, ServingMetric metric, int weeks)
    {
        var changes = new List<double>();
        for (var day = weekStart; day < weekStart + TimeSpan.FromDays(7); day += Granularity.Day.Length)
        {
            double now = series.Day(day)!.Value(metric);
            var before = new List<double>();
            for (var k = 1; k <= weeks; k++)
            {
                double value = series.Day(day - TimeSpan.FromDays(7 * k))!.Value(metric);
                if (double.IsFinite(value))
                {
                    before.Add(value);
                }
            }

            double expected = Median.Of(before);
            if (double.IsFinite(now) && expected > 0)
            {
                changes.Add((now - expected) / expected);
            }
        }

        return Median.Of(changes);
    }

    // Requests and errors add up over the days; latency, CPU and memory are the days' figures weighted by their volume.
    /// <summary>
    /// What the weekly rule compares for a metric at a day boundary: the 7 days before <paramref name="end"/> and the
    /// median of up to <see cref="UsageSwingPolicy.BaselineWeeks"/> weeks before them; null without both (the report
    /// draws the weekly band from this, so it shows what the rule judged).
    /// </summary>
    internal static (double Current, double Baseline)? WeeklyComparison(ServingSeries series, DateTimeOffset end, ServingMetric metric, UsageSwingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(policy);
        var (current, earlier) = Weeks(series, Granularity.Day.Floor(end), metric, policy);
        return current is { } c && earlier.Count > 0 ? (c.Value, Median.Of([.. earlier.Select(e => e.Value)])) : null;
    }

    private static ((double Value, double Volume)? Current, List<(double Value, double Volume)> Earlier) Weeks(
        ServingSeries series, DateTimeOffset end, ServingMetric metric, UsageSwingPolicy policy)
    {
        var week = TimeSpan.FromDays(7);
        var earlier = new List<(double Value, double Volume)>();
        for (var k = 1; k <= policy.BaselineWeeks; k++)
        {
            if (Week(series, end - ((k + 1) * week), metric) is { } w)
            {
                earlier.Add(w);
            }
        }

        return (Week(series, end - week, metric), earlier);
    }

    private static (double Value, double Volume)? Week(ServingSeries series, DateTimeOffset start, ServingMetric metric)
    {
        double sum = 0;
        double weighted = 0;
        double volume = 0;
        for (var day = start; day < start + TimeSpan.FromDays(7); day += Granularity.Day.Length)
        {
            if (series.Day(day) is not { } point)
            {
                return null;
            }

            double value = point.Value(metric);
            long n = point.Volume(metric);
            volume += n;
            if (double.IsFinite(value))
            {
                sum += value;
                weighted += value * n;
            }
        }

        bool additive = metric is ServingMetric.Requests or ServingMetric.Errors;
        return (additive ? sum : (volume > 0 ? weighted / volume : double.NaN), volume);
    }

    private static bool Allowed(SwingDirection direction, double change) => direction switch
    {
        SwingDirection.Rise => change > 0,
        SwingDirection.Fall => change < 0,
        _ => true,
    };

    private static Severity SeverityOf(double change, double huge) => Math.Abs(change) >= huge ? Severity.Error : Severity.Warning;

    private sealed record HourJudgement(
        ConditionState State, string? Detail, double Current, double Baseline, double? Change, bool Deviates, IReadOnlyDictionary<string, double?> Evidence)
    {
        public static HourJudgement Unjudged(ConditionState state, string detail) =>
            new(state, detail, double.NaN, double.NaN, null, false, new Dictionary<string, double?>());
    }
}
