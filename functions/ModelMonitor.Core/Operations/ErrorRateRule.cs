using System.Globalization;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// Error rate (<see cref="AlertKind.ErrorRate"/>) of all versions of a model: each of the latest
/// <see cref="ErrorRatePolicy.PersistHours"/> hours against the pooled rate of the days before them, by the exact
/// one-sided binomial tail P(X ≥ errors | requests, baseline rate) (the baseline's days of requests make its rate
/// nearly exact), with minimum volumes and a minimum effect (ratio and absolute increase). The pooled two-proportion z
/// is reported as evidence.
/// </summary>
internal static class ErrorRateRule
{
    /// <summary>P(X ≥ k) for X ~ Binomial(n, p).</summary>
    public static double UpperTail(long k, long n, double p)
    {
        if (k <= 0)
        {
            return 1.0;
        }

        if (p <= 0)
        {
            return 0.0;
        }

        if (k > n)
        {
            return 0.0;
        }

        // P(X ≥ k) = I_p(k, n − k + 1): the regularized incomplete beta keeps tiny tails exact, where 1 − CDF rounds to 0.
        return Math.Clamp(MathNet.Numerics.SpecialFunctions.BetaRegularized(k, n - k + 1, p), 0.0, 1.0);
    }

    public static void Evaluate(ServingSeries series, ErrorRatePolicy policy, DateTimeOffset hourEnd, List<MonitorAlert> alerts, List<ConditionOutcome> conditions)
    {
        const string Kind = AlertKind.ErrorRate;
        if (!policy.Enabled)
        {
            conditions.Add(ConditionOutcome.Without(Kind, null, WindowSummary.AnyVersion, ConditionState.Disabled, "disabled by policy"));
            return;
        }

        var firstJudged = hourEnd - (policy.PersistHours * Granularity.Hour.Length);
        long baselineErrors = 0;
        long baselineRequests = 0;
        for (var hour = firstJudged - TimeSpan.FromDays(policy.BaselineDays); hour < firstJudged; hour += Granularity.Hour.Length)
        {
            if (series.Hour(hour) is { } point)
            {
                baselineErrors += point.Errors;
                baselineRequests += point.Requests;
            }
        }

        var evidence = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["baselineRequests"] = baselineRequests,
            ["baselineErrors"] = baselineErrors,
            ["baselineRate"] = baselineRequests > 0 ? (double)baselineErrors / baselineRequests : null,
        };
        if (baselineRequests < policy.MinimumBaselineRequests)
        {
            conditions.Add(new ConditionOutcome(Kind, null, WindowSummary.AnyVersion, ConditionState.HistoryTooShort, "too few baseline requests", evidence));
            return;
        }

        double baselineRate = (double)baselineErrors / baselineRequests;
        ServingPoint? last = null;
        double lastP = double.NaN;
        double lastZ = double.NaN;
        for (var hour = hourEnd - Granularity.Hour.Length; hour >= firstJudged; hour -= Granularity.Hour.Length)
        {
            var point = series.Hour(hour) ?? ServingPoint.Empty(hour, Granularity.Hour.Length);
            if (point.Requests < policy.MinimumRequests || point.Errors < policy.MinimumErrors)
            {
                evidence["requests"] = point.Requests;
                evidence["errors"] = point.Errors;
                conditions.Add(new ConditionOutcome(Kind, null, WindowSummary.AnyVersion, ConditionState.BelowVolume, "too few requests or errors in a judged hour", evidence));
                return;
            }

            // The z statistic for the evidence; the decision uses the exact binomial tail against the baseline rate, as
            // the normal approximation overstates significance for the few errors of a quiet hour.
            var test = TwoProportionZTest.Compute(baselineErrors, baselineRequests, point.Errors, point.Requests);
            double oneSided = UpperTail(point.Errors, point.Requests, baselineRate);
            double rate = point.ErrorRate;
            bool rises = oneSided < policy.Alpha && rate - baselineRate >= policy.MinimumAbsoluteIncrease && rate >= policy.MinimumRatio * baselineRate;
            last ??= point;
            if (double.IsNaN(lastP))
            {
                lastP = oneSided;
                lastZ = test.Z;
            }

            if (!rises)
            {
                evidence["rate"] = rate;
                evidence["z"] = test.Z;
                evidence["pValue"] = oneSided;
                conditions.Add(new ConditionOutcome(Kind, null, WindowSummary.AnyVersion, ConditionState.Clear, null, evidence));
                return;
            }
        }

        var current = last!;
        evidence["rate"] = current.ErrorRate;
        evidence["requests"] = current.Requests;
        evidence["errors"] = current.Errors;
        evidence["z"] = lastZ;
        evidence["pValue"] = lastP;
        evidence["persistedHours"] = policy.PersistHours;
        var statuses = string.Join(", ", current.ErrorsByStatus.OrderByDescending(s => s.Value).Take(3).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value}")));
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Error rate {current.ErrorRate:P2} in hour {current.Start:yyyy-MM-dd HH}:00Z against {baselineRate:P2} over the {policy.BaselineDays} days before (statuses: {statuses}).");
        var severity = current.ErrorRate >= 3 * baselineRate && current.ErrorRate - baselineRate >= 0.05 ? Severity.Error : Severity.Warning;
        alerts.Add(new MonitorAlert(Kind, null, series.ModelId, WindowSummary.AnyVersion, null, severity, current.Start, hourEnd, evidence, message));
        conditions.Add(new ConditionOutcome(Kind, null, WindowSummary.AnyVersion, ConditionState.Fired, null, evidence));
    }
}
