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
}
