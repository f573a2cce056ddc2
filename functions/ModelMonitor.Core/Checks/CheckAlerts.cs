using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;
using static System.FormattableString;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// Turns a window's check outcomes into <see cref="MonitorAlert"/>s: dataset drift (Error), drifted features,
/// prediction drift and label shift (Warning), then data-quality and model-quality findings with their own severity;
/// only those at or above the minimum severity.
/// </summary>
internal static class CheckAlerts
{
    public static IReadOnlyList<MonitorAlert> From(
        WindowSummary current,
        DriftReport drift,
        FeatureDriftReport prediction,
        FeatureDriftReport label,
        IReadOnlyList<DataQualityFinding> dataQuality,
        ModelQualityReport modelQuality,
        CheckPolicy policy)
    {
        var alerts = new List<MonitorAlert>();
        void Add(string kind, string? subkind, string? feature, Severity severity, IReadOnlyDictionary<string, double?> evidence, string message)
        {
            if (severity >= policy.MinimumAlertSeverity && !policy.DisabledKinds.Contains(kind))
            {
                alerts.Add(new MonitorAlert(
                    kind, subkind, current.ModelId, current.ModelVersion, feature, severity, current.WindowStart, current.WindowEnd, evidence, message));
            }
        }

        if (drift.DatasetDrifted)
        {
            int decided = drift.Features.Count(f => f.Status != DriftStatus.InsufficientData);
            int drifted = drift.Features.Count(f => f.Drifted);
            Add(AlertKind.DatasetDrift, null, null, Severity.Error,
                new Dictionary<string, double?>
                {
                    ["driftedShare"] = drift.DriftedShare,
                    ["threshold"] = policy.Drift.DatasetDriftShare,
                    ["drifted"] = drifted,
                    ["decided"] = decided,
                },
                Invariant($"{drifted} of {decided} features drifted ({drift.DriftedShare:P0})."));
        }

        foreach (FeatureDriftReport feature in drift.Features.Where(f => f.Drifted))
        {
            Add(AlertKind.FeatureDrift, null, feature.Name, Severity.Warning, DriftEvidence(feature), $"Feature '{feature.Name}' drifted ({Describe(feature)}).");
        }

        if (prediction.Drifted)
        {
            Add(AlertKind.PredictionDrift, null, null, Severity.Warning, DriftEvidence(prediction), $"Predictions drifted ({Describe(prediction)}).");
        }

        if (label.Drifted)
        {
            Add(AlertKind.LabelShift, null, null, Severity.Warning, DriftEvidence(label), $"Labels shifted ({Describe(label)}).");
        }

        foreach (DataQualityFinding finding in dataQuality)
        {
            Add(AlertKind.DataQuality, finding.Subkind, finding.Feature, finding.Severity, finding.Evidence, finding.Message);
        }

        foreach (ModelQualityFinding finding in modelQuality.Findings)
        {
            Add(AlertKind.ModelQuality, finding.Metric, finding.Class, finding.Severity, finding.Evidence, finding.Message);
        }

        return alerts;
    }

    private static Dictionary<string, double?> DriftEvidence(FeatureDriftReport f)
    {
        (double? statistic, double? pValue) = f.Method switch
        {
            DriftMethod.KolmogorovSmirnov => (f.Ks?.Statistic, f.Ks?.PValue),
            DriftMethod.ChiSquare => (f.ChiSquare?.Statistic, f.ChiSquare?.PValue),
            DriftMethod.ZTest => (f.ZTest?.Statistic, f.ZTest?.PValue),
            DriftMethod.Wasserstein => (f.WassersteinNormalized, null),
            _ => (f.JensenShannon, (double?)null),
        };
        return new Dictionary<string, double?>
        {
            ["score"] = f.Score,
            ["threshold"] = f.Threshold,
            ["statistic"] = statistic,
            ["pValue"] = pValue,
            ["referenceCount"] = f.ReferenceCount,
            ["currentCount"] = f.CurrentCount,
            ["psi"] = f.Psi,
            ["jensenShannon"] = f.JensenShannon,
            ["wassersteinNormalized"] = f.WassersteinNormalized,
        };
    }

    private static string Describe(FeatureDriftReport f) =>
        DriftMethod.IsHypothesisTest(f.Method)
            ? Invariant($"{f.Method}: adjusted p = {f.Score:G3} < {f.Threshold:G3}")
            : Invariant($"{f.Method}: {f.Score:G3} ≥ {f.Threshold:G3}");
}
