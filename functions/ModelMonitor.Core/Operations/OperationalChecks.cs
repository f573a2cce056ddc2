using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// Entry point of the operational checks of one model: usage swings (hourly, weekly), silence, computational
/// regression of a new version, and error rate. Pure: the caller reads the history and raises the alerts.
/// </summary>
/// <remarks>
/// History needed for every rule: <c>max(BaselineWeeks + 1, 2) × 7</c> days of hourly summaries before
/// <c>evaluatedHourEnd</c> (5 weeks with the defaults); less gives "history too short" states, never a guess.
/// </remarks>
public static class OperationalChecks
{
    /// <summary>Days of history that every rule can use with <paramref name="policy"/>.</summary>
    public static int HistoryDays(OperationalPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Math.Max(Math.Max(policy.UsageSwing.BaselineWeeks + 1, 2) * 7, policy.ErrorRate.BaselineDays + 1);
    }

    /// <summary>Evaluates every rule for the hour ending at <paramref name="evaluatedHourEnd"/> (on the hour).</summary>
    public static OperationalCheckResult Evaluate(ServingHistory history, OperationalPolicy policy, DateTimeOffset evaluatedHourEnd)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(policy);
        return Evaluate(ServingSeries.Build(history, new ErrorStatuses(policy.SuccessStatuses)), policy, evaluatedHourEnd);
    }

    /// <summary>
    /// As <see cref="Evaluate(ServingHistory, OperationalPolicy, DateTimeOffset)"/> on a series built once (replays and
    /// long simulations evaluate hour after hour); only hours before <paramref name="evaluatedHourEnd"/> are read.
    /// The series should be built with the policy's success statuses.
    /// </summary>
    public static OperationalCheckResult Evaluate(ServingSeries series, OperationalPolicy policy, DateTimeOffset evaluatedHourEnd)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(policy);
        if (Granularity.Hour.Floor(evaluatedHourEnd) != evaluatedHourEnd)
        {
            throw new ArgumentException($"Evaluated hour end {evaluatedHourEnd:O} is not on the hour.", nameof(evaluatedHourEnd));
        }

        var alerts = new List<MonitorAlert>();
        var conditions = new List<ConditionOutcome>();
        if (policy.Retired)
        {
            foreach (var kind in (string[])[AlertKind.UsageSwing, AlertKind.ComputationalRegression, AlertKind.ErrorRate])
            {
                conditions.Add(ConditionOutcome.Without(kind, null, WindowSummary.AnyVersion, ConditionState.Disabled, "model retired"));
            }

            return new OperationalCheckResult(alerts, conditions);
        }

        UsageSwingRule.Evaluate(series, policy.UsageSwing, evaluatedHourEnd, alerts, conditions);
        SilenceRule.Evaluate(series, policy.Silence, policy.UsageSwing.BaselineWeeks, evaluatedHourEnd, alerts, conditions);
        VersionRegressionRule.Evaluate(series, policy.VersionRegression, new ErrorStatuses(policy.SuccessStatuses), evaluatedHourEnd, alerts, conditions);
        ErrorRateRule.Evaluate(series, policy.ErrorRate, evaluatedHourEnd, alerts, conditions);
        return new OperationalCheckResult(alerts, conditions);
    }
}
