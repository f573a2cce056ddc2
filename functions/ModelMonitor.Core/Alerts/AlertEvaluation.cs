using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Alerts;

/// <summary>
/// One evaluation of a model version's window as the alert lifecycle sees it: the alerts it raised and the kinds it
/// evaluated, so an open episode of an evaluated kind whose condition did not fire counts as evaluated clear.
/// </summary>
/// <param name="ModelId">Model.</param>
/// <param name="ModelVersion">Version.</param>
/// <param name="WindowStart">Start of the evaluated window.</param>
/// <param name="WindowEnd">End of the evaluated window.</param>
/// <param name="Alerts">Alerts raised for this window (all of this model version).</param>
/// <param name="EvaluatedKinds">Kinds whose conditions were evaluated; empty when unknown (then nothing counts as clear).</param>
public sealed record AlertEvaluation(
    string ModelId,
    string ModelVersion,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    IReadOnlyList<MonitorAlert> Alerts,
    IReadOnlySet<string> EvaluatedKinds)
{
    /// <summary>
    /// The scope of a statistical check result: drift, label shift and data quality are always evaluated; model quality
    /// only when the window has labels (without outcomes nothing was measured, so nothing is clear).
    /// </summary>
    public static AlertEvaluation From(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var kinds = new HashSet<string>(StringComparer.Ordinal)
        {
            AlertKind.FeatureDrift, AlertKind.DatasetDrift, AlertKind.PredictionDrift, AlertKind.LabelShift, AlertKind.DataQuality,
        };
        if (result.ModelQuality.Current.LabelledCount > 0)
        {
            kinds.Add(AlertKind.ModelQuality);
        }

        return new AlertEvaluation(result.ModelId, result.ModelVersion, result.WindowStart, result.WindowEnd, result.Alerts, kinds);
    }

    /// <summary>Alerts only, scope unknown: opens and updates episodes but never counts anything clear.</summary>
    public static AlertEvaluation AlertsOnly(IReadOnlyList<MonitorAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var first = alerts.Count > 0 ? alerts[0] : null;
        return new AlertEvaluation(
            first?.ModelId ?? "-", first?.ModelVersion ?? "-", first?.WindowStart ?? default, first?.WindowEnd ?? default, alerts, new HashSet<string>(StringComparer.Ordinal));
    }
}
