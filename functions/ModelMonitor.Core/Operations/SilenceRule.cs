using System.Globalization;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// Silence (<see cref="AlertKind.UsageSwing"/>, subkind <c>silence</c>): the last complete hour and the collapsed hours
/// right before it, against their seasonal expectation (the lower of the weekly and daily medians of the same hour).
/// Fires when P(X ≤ observed | Poisson(expected)) over the gap is below the policy's α.
/// </summary>
internal static class SilenceRule
{
    public const string Subkind = "silence";

    public static void Evaluate(ServingSeries series, SilencePolicy policy, int baselineWeeks, DateTimeOffset hourEnd, List<MonitorAlert> alerts, List<ConditionOutcome> conditions)
    {
        if (!policy.Enabled)
        {
            conditions.Add(ConditionOutcome.Without(AlertKind.UsageSwing, Subkind, WindowSummary.AnyVersion, ConditionState.Disabled, "disabled by policy"));
            return;
        }

        var last = hourEnd - Granularity.Hour.Length;
        double observed = 0;
        double expected = 0;
        int gapHours = 0;
        for (var hour = last; gapHours < policy.MaxGapHours; hour -= Granularity.Hour.Length)
        {
            if (series.Hour(hour) is not { } point || Expected(series, hour, baselineWeeks) is not { } expectation)
            {
                break;
            }

            if (point.Requests > policy.CollapseFraction * expectation)
            {
                break;
            }

            observed += point.Requests;
            expected += expectation;
            gapHours++;
        }

        if (gapHours == 0)
        {
            var state = series.Hour(last) is null || Expected(series, last, baselineWeeks) is null ? ConditionState.HistoryTooShort : ConditionState.Clear;
            conditions.Add(ConditionOutcome.Without(AlertKind.UsageSwing, Subkind, WindowSummary.AnyVersion, state, state == ConditionState.Clear ? "serving" : "history too short"));
            return;
        }

        double p = LowerTail(observed, expected);
        var evidence = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["gapHours"] = gapHours,
            ["observed"] = observed,
            ["expected"] = expected,
            ["pValue"] = p,
            ["alpha"] = policy.Alpha,
        };
        if (p >= policy.Alpha)
        {
            conditions.Add(new ConditionOutcome(AlertKind.UsageSwing, Subkind, WindowSummary.AnyVersion, ConditionState.Clear, "collapse not yet significant", evidence));
            return;
        }

        var gapStart = last - ((gapHours - 1) * Granularity.Hour.Length);
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Model is silent: {observed:F0} requests in the {gapHours} hour(s) since {gapStart:yyyy-MM-dd HH}:00Z where about {expected:F0} were expected.");
        alerts.Add(new MonitorAlert(AlertKind.UsageSwing, Subkind, series.ModelId, WindowSummary.AnyVersion, null, Severity.Error, last, hourEnd, evidence, message));
        conditions.Add(new ConditionOutcome(AlertKind.UsageSwing, Subkind, WindowSummary.AnyVersion, ConditionState.Fired, null, evidence));
    }

    /// <summary>P(X ≤ observed) for X ~ Poisson(expected); 1 when nothing was expected.</summary>
    /// <remarks>A direct sum of the terms for small counts (MathNet's CDF is off by about 1e-5 relative in the far tail).</remarks>
    public static double LowerTail(double observed, double expected)
    {
        if (!(expected > 0))
        {
            return 1.0;
        }

        double x = Math.Floor(observed);
        if (x >= 200)
        {
            return Poisson.CDF(expected, x);
        }

        double sum = 0;
        double logLambda = Math.Log(expected);
        for (var i = 0; i <= x; i++)
        {
            sum += Math.Exp(-expected + (i * logLambda) - SpecialFunctions.GammaLn(i + 1));
        }

        return Math.Min(1.0, sum);
    }

    // The lower of the two medians: at night or on a quiet weekday the expectation must not be inflated.
    private static double? Expected(ServingSeries series, DateTimeOffset hour, int baselineWeeks)
    {
        var baseline = HourlyBaseline.For(series, hour, ServingMetric.Requests, baselineWeeks);
        if (baseline.IsTooShort)
        {
            return null;
        }

        double weekly = baseline.WeeklyCount > 0 ? baseline.Weekly : double.PositiveInfinity;
        double daily = double.IsFinite(baseline.Daily) ? baseline.Daily : double.PositiveInfinity;
        double lower = Math.Min(weekly, daily);
        return double.IsFinite(lower) ? lower : null;
    }
}
