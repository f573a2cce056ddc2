using System.Globalization;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// Computational regression (<see cref="AlertKind.ComputationalRegression"/>, subkinds <c>latency</c>, <c>error-rate</c>,
/// <c>cpu</c>, <c>memory</c>): the newest version (first served within the policy's age) over its latest hours, against
/// the version it replaces over comparable hours: the same hours where that version still served (a canary), else the
/// same hour of day on the latest of the 7 earlier days it served.
/// </summary>
/// <remarks>
/// Latency: p50, p95 and p99 by <see cref="QuantileShift"/> (the worst is reported); error rate: one-sided pooled
/// two-proportion z-test; CPU and memory: one-sided Welch z on the means (large counts). Each also needs the policy's
/// minimum effect, so a significant but negligible difference stays quiet.
/// </remarks>
internal static class VersionRegressionRule
{
    private static readonly double[] Quantiles = [0.50, 0.95, 0.99];

    public static void Evaluate(ServingSeries series, VersionRegressionPolicy policy, ErrorStatuses statuses, DateTimeOffset hourEnd, List<MonitorAlert> alerts, List<ConditionOutcome> conditions)
    {
        const string Kind = AlertKind.ComputationalRegression;
        if (!policy.Enabled)
        {
            conditions.Add(ConditionOutcome.Without(Kind, null, WindowSummary.AnyVersion, ConditionState.Disabled, "disabled by policy"));
            return;
        }

        var windowStart = hourEnd - (policy.ComparisonHours * Granularity.Hour.Length);
        var newest = series.Versions
            .Where(v => series.FirstServed(v) >= hourEnd - TimeSpan.FromDays(policy.NewVersionMaxAgeDays) && ServedIn(series, v, windowStart, hourEnd))
            .OrderByDescending(v => series.FirstServed(v))
            .FirstOrDefault();
        if (newest is null)
        {
            conditions.Add(ConditionOutcome.Without(Kind, null, WindowSummary.AnyVersion, ConditionState.Clear, "no new version serving"));
            return;
        }

        var first = series.FirstServed(newest)!.Value;
        var previous = series.Versions
            .Where(v => v != newest && series.FirstServed(v) < first)
            .OrderByDescending(v => Requests(series, v, first - TimeSpan.FromDays(7), hourEnd))
            .FirstOrDefault();
        if (previous is null)
        {
            conditions.Add(ConditionOutcome.Without(Kind, null, newest, ConditionState.HistoryTooShort, "no earlier version to compare with"));
            return;
        }

        var from = first > windowStart ? first : windowStart;
        var current = new WindowSummary(series.ModelId, newest, from, hourEnd);
        var baseline = new WindowSummary(series.ModelId, previous, from, hourEnd);
        int hours = 0;
        int concurrent = 0;
        for (var hour = from; hour < hourEnd; hour += Granularity.Hour.Length)
        {
            if (series.Summary(hour, newest) is not { } part)
            {
                continue;
            }

            if (Comparable(series, previous, hour) is not { } comparable)
            {
                continue;
            }

            current.Merge(part);
            baseline.Merge(comparable.Summary);
            hours++;
            concurrent += comparable.Concurrent ? 1 : 0;
        }

        var context = new Comparison(series.ModelId, newest, previous, from, hourEnd, hours, concurrent, current, baseline);
        if (current.EventCount < policy.MinimumRequests || baseline.EventCount < policy.MinimumRequests)
        {
            var evidence = context.Evidence();
            conditions.Add(new ConditionOutcome(Kind, null, newest, ConditionState.BelowVolume, "too few comparable requests on one side", evidence));
            return;
        }

        Latency(context, policy, alerts, conditions);
        ErrorRate(context, policy, statuses, alerts, conditions);
        Mean(context, policy, "cpu", "CPU ms", s => s.CpuMs, alerts, conditions);
        Mean(context, policy, "memory", "memory MB", s => s.MemoryMb, alerts, conditions);
    }

    private static bool ServedIn(ServingSeries series, string version, DateTimeOffset from, DateTimeOffset to) => Requests(series, version, from, to) > 0;

    private static long Requests(ServingSeries series, string version, DateTimeOffset from, DateTimeOffset to)
    {
        long total = 0;
        for (var hour = from; hour < to; hour += Granularity.Hour.Length)
        {
            total += series.Summary(hour, version)?.EventCount ?? 0;
        }

        return total;
    }

    private static (WindowSummary Summary, bool Concurrent)? Comparable(ServingSeries series, string previous, DateTimeOffset hour)
    {
        if (series.Summary(hour, previous) is { EventCount: > 0 } same)
        {
            return (same, true);
        }

        for (var d = 1; d <= 7; d++)
        {
            if (series.Summary(hour - TimeSpan.FromDays(d), previous) is { EventCount: > 0 } earlier)
            {
                return (earlier, false);
            }
        }

        return null;
    }

    private static void Latency(Comparison c, VersionRegressionPolicy policy, List<MonitorAlert> alerts, List<ConditionOutcome> conditions)
    {
        const string Subkind = "latency";
        var evidence = c.Evidence();
        if (c.Current.LatencyMs.Count < policy.MinimumRequests || c.Baseline.LatencyMs.Count < policy.MinimumRequests)
        {
            conditions.Add(new ConditionOutcome(AlertKind.ComputationalRegression, Subkind, c.Newest, ConditionState.BelowVolume, "too few latencies", evidence));
            return;
        }

        double critical = QuantileShift.Critical(policy.Alpha);
        (double Q, double Current, double Baseline, double Z, double Relative)? worst = null;
        foreach (var q in Quantiles)
        {
            var (x1, x0, _, z) = QuantileShift.Test(c.Current.LatencyMs.Sketch, c.Baseline.LatencyMs.Sketch, q);
            double relative = x0 > 0 ? (x1 - x0) / x0 : double.NaN;
            evidence[string.Create(CultureInfo.InvariantCulture, $"p{q * 100:F0}Current")] = Evidence.Finite(x1);
            evidence[string.Create(CultureInfo.InvariantCulture, $"p{q * 100:F0}Baseline")] = Evidence.Finite(x0);
            evidence[string.Create(CultureInfo.InvariantCulture, $"p{q * 100:F0}Z")] = Evidence.Finite(z);
            if (z > critical && relative >= policy.MinimumRelativeIncrease && (worst is null || z > worst.Value.Z))
            {
                worst = (q, x1, x0, z, relative);
            }
        }

        evidence["criticalZ"] = critical;
        if (worst is not { } w)
        {
            conditions.Add(new ConditionOutcome(AlertKind.ComputationalRegression, Subkind, c.Newest, ConditionState.Clear, null, evidence));
            return;
        }

        evidence["relativeIncrease"] = w.Relative;
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Version {c.Newest} vs {c.Previous}: p{w.Q * 100:F0} latency {w.Current:F1} ms against {w.Baseline:F1} ms ({w.Relative:+0%}, z = {w.Z:F1}) {c.Describe()}.");
        Raise(c, Subkind, w.Relative >= 0.5 ? Severity.Error : Severity.Warning, evidence, message, alerts, conditions);
    }

    private static void ErrorRate(Comparison c, VersionRegressionPolicy policy, ErrorStatuses statuses, List<MonitorAlert> alerts, List<ConditionOutcome> conditions)
    {
        const string Subkind = "error-rate";
        var now = ServingPoint.From(c.Current, c.From, c.To - c.From, statuses);
        var before = ServingPoint.From(c.Baseline, c.From, c.To - c.From, statuses);
        var test = TwoProportionZTest.Compute(before.Errors, before.Requests, now.Errors, now.Requests);
        double oneSided = test.Z > 0 ? test.PValue / 2 : 1 - (test.PValue / 2);
        double increase = now.ErrorRate - before.ErrorRate;
        var evidence = c.Evidence();
        evidence["errorRateCurrent"] = now.ErrorRate;
        evidence["errorRateBaseline"] = before.ErrorRate;
        evidence["errorsCurrent"] = now.Errors;
        evidence["errorsBaseline"] = before.Errors;
        evidence["z"] = test.Z;
        evidence["pValue"] = oneSided;
        if (!(oneSided < policy.Alpha && increase >= policy.MinimumErrorRateIncrease))
        {
            conditions.Add(new ConditionOutcome(AlertKind.ComputationalRegression, Subkind, c.Newest, ConditionState.Clear, null, evidence));
            return;
        }

        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Version {c.Newest} vs {c.Previous}: error rate {now.ErrorRate:P2} against {before.ErrorRate:P2} (p = {oneSided:G2}) {c.Describe()}.");
        bool severe = before.ErrorRate > 0 ? now.ErrorRate >= 2 * before.ErrorRate : increase >= 0.05;
        Raise(c, Subkind, severe ? Severity.Error : Severity.Warning, evidence, message, alerts, conditions);
    }

    private static void Mean(
        Comparison c, VersionRegressionPolicy policy, string subkind, string unit, Func<WindowSummary, NumericSummary> select, List<MonitorAlert> alerts, List<ConditionOutcome> conditions)
    {
        var now = select(c.Current);
        var before = select(c.Baseline);
        var evidence = c.Evidence();
        if (now.Count < policy.MinimumRequests || before.Count < policy.MinimumRequests)
        {
            conditions.Add(new ConditionOutcome(AlertKind.ComputationalRegression, subkind, c.Newest, ConditionState.BelowVolume, "too few measurements", evidence));
            return;
        }

        // Welch's statistic with sample variances; with hundreds of values per side its t distribution is normal.
        double standardError = Math.Sqrt((now.M2 / (now.Count - 1) / now.Count) + (before.M2 / (before.Count - 1) / before.Count));
        double difference = now.Mean - before.Mean;
        double z = standardError > 0 ? difference / standardError : (difference > 0 ? double.PositiveInfinity : 0);
        double relative = before.Mean > 0 ? difference / before.Mean : double.NaN;
        evidence["meanCurrent"] = Evidence.Finite(now.Mean);
        evidence["meanBaseline"] = Evidence.Finite(before.Mean);
        evidence["z"] = Evidence.Finite(z);
        evidence["relativeIncrease"] = Evidence.Finite(relative);
        if (!(z > QuantileShift.Critical(policy.Alpha) && relative >= policy.MinimumRelativeIncrease))
        {
            conditions.Add(new ConditionOutcome(AlertKind.ComputationalRegression, subkind, c.Newest, ConditionState.Clear, null, evidence));
            return;
        }

        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Version {c.Newest} vs {c.Previous}: mean {unit} {now.Mean:F1} against {before.Mean:F1} ({relative:+0%}) {c.Describe()}.");
        Raise(c, subkind, relative >= 0.5 ? Severity.Error : Severity.Warning, evidence, message, alerts, conditions);
    }

    private static void Raise(
        Comparison c, string subkind, Severity severity, Dictionary<string, double?> evidence, string message, List<MonitorAlert> alerts, List<ConditionOutcome> conditions)
    {
        alerts.Add(new MonitorAlert(AlertKind.ComputationalRegression, subkind, c.ModelId, c.Newest, null, severity, c.From, c.To, evidence, message));
        conditions.Add(new ConditionOutcome(AlertKind.ComputationalRegression, subkind, c.Newest, ConditionState.Fired, message, evidence));
    }

    private sealed record Comparison(
        string ModelId, string Newest, string Previous, DateTimeOffset From, DateTimeOffset To, int Hours, int ConcurrentHours, WindowSummary Current, WindowSummary Baseline)
    {
        public Dictionary<string, double?> Evidence() => new(StringComparer.Ordinal)
        {
            ["comparableHours"] = Hours,
            ["concurrentHours"] = ConcurrentHours,
            ["requestsCurrent"] = Current.EventCount,
            ["requestsBaseline"] = Baseline.EventCount,
        };

        public string Describe() => string.Create(
            CultureInfo.InvariantCulture,
            $"over {Hours} comparable hour(s), {ConcurrentHours} of them concurrent");
    }
}
