using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// The whole check of a current window against a reference, as the timer function runs it: feature drift, prediction
/// drift, label shift, data quality and model quality, and the alerts they raise. Pure and deterministic: the same
/// summaries and policy always give the same result and the same alert <see cref="MonitorAlert.DedupKey"/>s.
/// </summary>
public static class CheckEvaluator
{
    /// <summary>One comparison with no history: every condition is an alert (one-off checks of two files).</summary>
    public static CheckResult Evaluate(WindowSummary reference, WindowSummary current, CheckPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(policy);
        DriftReport drift = DriftReports.FromSummaries(reference, current, policy.Drift);
        FeatureDriftReport prediction = DriftReports.PredictionDrift(reference, current, policy.Drift);
        FeatureDriftReport label = DriftReports.LabelShift(reference, current, policy.Drift);
        IReadOnlyList<DataQualityFinding> dataQuality = DataQualityChecker.Evaluate(reference, current, policy.DataQuality);
        ModelQualityReport modelQuality = ModelQualityChecker.Evaluate(reference, current, policy.ModelQuality);
        IReadOnlyList<MonitorAlert> alerts = CheckAlerts.From(current, drift, prediction, label, dataQuality, modelQuality, policy);
        return new CheckResult(
            current.ModelId,
            current.ModelVersion,
            current.WindowStart,
            current.WindowEnd,
            reference.WindowStart,
            reference.WindowEnd,
            drift,
            prediction,
            label,
            dataQuality,
            modelQuality,
            alerts);
    }

    /// <summary>
    /// The check of one window of a series: <see cref="CheckResult.Conditions"/> are all conditions found and
    /// <see cref="CheckResult.Alerts"/> those that persisted over <paramref name="history"/> (see <see cref="AlertPersistence"/>).
    /// </summary>
    /// <param name="reference">Reference window.</param>
    /// <param name="current">Current window.</param>
    /// <param name="policy">Thresholds and persistence.</param>
    /// <param name="history">Condition keys of the previous windows of the series, most recent first (null: not evaluated).</param>
    public static CheckResult Evaluate(WindowSummary reference, WindowSummary current, CheckPolicy policy, IReadOnlyList<IReadOnlySet<string>?> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        CheckResult result = Evaluate(reference, current, policy);
        return result with { Alerts = AlertPersistence.Apply(result.Conditions, history, policy.Persistence), Conditions = result.Conditions };
    }

    /// <summary>
    /// The check of one window of a series against the pinned reference and a trailing baseline at once, so both kinds
    /// of shift are caught: a sudden one shows against the trailing baseline as soon as it happens, a slow trend that the
    /// trailing baseline absorbs still shows against the pinned reference. The result is the one against the pinned
    /// reference when there is one; its conditions are the union of both, and every condition's evidence says which
    /// comparison found it: <c>vsReference</c> and <c>vsTrailing</c> are 1 (found), 0 (not found) or null (no such reference).
    /// </summary>
    /// <param name="pinned">The pinned reference (training profile), or null.</param>
    /// <param name="trailing">The trailing baseline (e.g. the same span a week earlier), or null.</param>
    /// <param name="current">Current window.</param>
    /// <param name="policy">Thresholds and persistence.</param>
    /// <param name="history">Condition keys of the previous windows of the series, most recent first (null: not evaluated).</param>
    /// <exception cref="ArgumentException">Neither reference is given.</exception>
    public static CheckResult Evaluate(
        WindowSummary? pinned, WindowSummary? trailing, WindowSummary current, CheckPolicy policy, IReadOnlyList<IReadOnlySet<string>?> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (pinned is null && trailing is null)
        {
            throw new ArgumentException("Need a pinned reference, a trailing baseline or both.", nameof(pinned));
        }

        CheckResult? vsPinned = pinned is null ? null : Evaluate(pinned, current, policy);
        CheckResult? vsTrailing = trailing is null ? null : Evaluate(trailing, current, policy);
        CheckResult primary = vsPinned ?? vsTrailing!;
        HashSet<string> pinnedKeys = Keys(vsPinned), trailingKeys = Keys(vsTrailing);
        var conditions = new List<MonitorAlert>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (MonitorAlert condition in (vsPinned?.Conditions ?? []).Concat(vsTrailing?.Conditions ?? []))
        {
            string key = AlertPersistence.ConditionKey(condition);
            if (seen.Add(key))
            {
                conditions.Add(Tagged(condition, vsPinned is null ? null : pinnedKeys.Contains(key), vsTrailing is null ? null : trailingKeys.Contains(key)));
            }
        }

        return primary with { Alerts = AlertPersistence.Apply(conditions, history, policy.Persistence), Conditions = conditions };
    }

    private static HashSet<string> Keys(CheckResult? result) =>
        result is null ? [] : [.. result.Conditions.Select(AlertPersistence.ConditionKey)];

    private static MonitorAlert Tagged(MonitorAlert alert, bool? vsReference, bool? vsTrailing)
    {
        var evidence = new Dictionary<string, double?>(alert.Evidence, StringComparer.Ordinal)
        {
            ["vsReference"] = vsReference is null ? null : vsReference.Value ? 1 : 0,
            ["vsTrailing"] = vsTrailing is null ? null : vsTrailing.Value ? 1 : 0,
        };
        return new MonitorAlert(
            alert.Kind, alert.Subkind, alert.ModelId, alert.ModelVersion, alert.Feature, alert.Severity, alert.WindowStart, alert.WindowEnd, evidence, alert.Message);
    }
}
