using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Checks;

/// <summary>Runs <see cref="DriftEvaluator"/> over prepared comparisons and joins its decisions with the metrics.</summary>
internal static class DriftReportAssembler
{
    public static DriftReport Assemble(IReadOnlyList<DriftComparison> comparisons, DriftPolicy policy)
    {
        DatasetDriftResult decision = DriftEvaluator.Evaluate([.. comparisons.Select(c => c.Input)], policy);
        var features = new FeatureDriftReport[comparisons.Count];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = ToReport(comparisons[i], decision.Features[i]);
        }

        return new DriftReport(features, decision.DriftedShare, decision.DatasetDrifted);
    }

    private static FeatureDriftReport ToReport(DriftComparison comparison, FeatureDriftResult result)
    {
        DriftMetrics m = comparison.Metrics;
        TestStatistic? ks = m.Ks is { PValue: null } partial && result.Method == DriftMethod.Wasserstein && result.PValue is { } guardP
            ? partial with { PValue = guardP }
            : m.Ks;
        return new FeatureDriftReport(
            comparison.Name,
            comparison.Kind,
            comparison.ReferenceCount,
            comparison.CurrentCount,
            ks,
            m.ChiSquare,
            m.ZTest,
            m.Psi,
            m.JensenShannon,
            m.Wasserstein,
            m.WassersteinNormalized,
            result.Method,
            result.Threshold,
            result.Score,
            result.Drifted,
            result.Status,
            comparison.Note);
    }
}
