namespace ModelMonitor.Core.Checks;

/// <summary>
/// Everything one evaluation of a current window against a reference found; what the timer function writes as JSON
/// (<see cref="CheckResultJson.Serialize"/>) and whose <see cref="Alerts"/> it sends to the sink.
/// </summary>
/// <param name="ModelId">Model of the current window.</param>
/// <param name="ModelVersion">Version of the current window.</param>
/// <param name="WindowStart">Start of the current window.</param>
/// <param name="WindowEnd">End of the current window.</param>
/// <param name="ReferenceStart">Start of the reference.</param>
/// <param name="ReferenceEnd">End of the reference.</param>
/// <param name="Drift">Feature drift.</param>
/// <param name="PredictionDrift">Drift of the model's output.</param>
/// <param name="LabelShift">Shift of the labels.</param>
/// <param name="DataQuality">Data-quality findings, every severity.</param>
/// <param name="ModelQuality">Quality measures of both windows and their findings.</param>
/// <param name="Alerts">Findings at or above the policy's minimum alert severity, as alerts; with history, only those
/// that persisted (<see cref="AlertPersistence"/>).</param>
public sealed record CheckResult(
    string ModelId,
    string ModelVersion,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    DateTimeOffset ReferenceStart,
    DateTimeOffset ReferenceEnd,
    DriftReport Drift,
    FeatureDriftReport PredictionDrift,
    FeatureDriftReport LabelShift,
    IReadOnlyList<DataQualityFinding> DataQuality,
    ModelQualityReport ModelQuality,
    IReadOnlyList<MonitorAlert> Alerts)
{
    /// <summary>
    /// Every condition found in this window (findings at or above the minimum severity of enabled kinds), before
    /// persistence: what the next windows' <see cref="AlertPersistence"/> reads back. Equal to <see cref="Alerts"/> unless set.
    /// </summary>
    public IReadOnlyList<MonitorAlert> Conditions { get; init; } = Alerts;
}
