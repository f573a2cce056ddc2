using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Checks;

/// <summary>Exact path: a feature's raw reference and current columns → a <see cref="DriftComparison"/>.</summary>
internal static class ColumnComparisons
{
    /// <param name="name">Feature name.</param>
    /// <param name="reference">Reference column; null when the reference has no such column.</param>
    /// <param name="current">Current column; null when the current data has no such column.</param>
    /// <param name="policy">Used for the Wasserstein standard-deviation floor.</param>
    public static DriftComparison Compare(string name, Column? reference, Column? current, DriftPolicy policy)
    {
        (FeatureKind kind, bool currentUsable, string? note) = KindReconciliation.Reconcile(KindOf(reference), KindOf(current));
        if (reference is null)
        {
            note = "Column missing from the reference.";
        }
        else if (current is null)
        {
            note = "Column missing from the current data.";
        }

        Column? usableCurrent = currentUsable ? current : null;
        return kind switch
        {
            FeatureKind.Numeric => Numeric(name, reference, usableCurrent, note, policy.ForFeature(name).WassersteinStdFloor),
            FeatureKind.Binary => Binary(name, reference, usableCurrent, note),
            _ => Categorical(name, reference, usableCurrent, note),
        };
    }

    private static FeatureKind? KindOf(Column? column) => column is null || column.PresentCount == 0 ? null : column.Kind;

    private static DriftComparison Numeric(string name, Column? reference, Column? current, string? note, double stdFloor)
    {
        double[] r = FiniteSorted(reference);
        double[] c = FiniteSorted(current);
        DriftMetrics metrics = DriftMetricsCalculator.Numeric(
            r, default, c, default, r.Length, c.Length, WassersteinDistance.StandardDeviation(r), stdFloor);
        return new DriftComparison(name, FeatureKind.Numeric, r.Length, c.Length, FeatureDriftInput.Numeric(name, r, c), metrics, note);
    }

    private static DriftComparison Categorical(string name, Column? reference, Column? current, string? note)
    {
        Dictionary<string, long> r = Count(reference);
        Dictionary<string, long> c = Count(current);
        string[] categories = [.. r.Keys.Union(c.Keys).Order(StringComparer.Ordinal)];
        double[] referenceCounts = [.. categories.Select(k => (double)r.GetValueOrDefault(k))];
        double[] currentCounts = [.. categories.Select(k => (double)c.GetValueOrDefault(k))];
        return new DriftComparison(
            name,
            FeatureKind.Categorical,
            r.Values.Sum(),
            c.Values.Sum(),
            FeatureDriftInput.Categorical(name, referenceCounts, currentCounts),
            DriftMetricsCalculator.Categorical(referenceCounts, currentCounts),
            note);
    }

    private static DriftComparison Binary(string name, Column? reference, Column? current, string? note)
    {
        Dictionary<string, long> r = Count(reference);
        Dictionary<string, long> c = Count(current);
        long rp = r.GetValueOrDefault(BinaryCategories.True), rn = r.GetValueOrDefault(BinaryCategories.False);
        long cp = c.GetValueOrDefault(BinaryCategories.True), cn = c.GetValueOrDefault(BinaryCategories.False);
        return new DriftComparison(
            name,
            FeatureKind.Binary,
            rp + rn,
            cp + cn,
            FeatureDriftInput.Binary(name, rp, rp + rn, cp, cp + cn),
            DriftMetricsCalculator.Binary(rp, rp + rn, cp, cp + cn),
            note);
    }

    private static double[] FiniteSorted(Column? column)
    {
        if (column?.Numbers is null)
        {
            return [];
        }

        double[] finite = [.. column.Numbers.Where(double.IsFinite)];
        Array.Sort(finite);
        return finite;
    }

    private static Dictionary<string, long> Count(Column? column)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (column?.Categories is null)
        {
            return counts;
        }

        foreach (string? value in column.Categories)
        {
            if (value is not null)
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
        }

        return counts;
    }
}
