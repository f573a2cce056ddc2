using ModelMonitor.Core.Sketches;
using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Checks;

/// <summary>Sketch path: two windows' summaries of a feature → a <see cref="DriftComparison"/>.</summary>
internal static class SummaryComparisons
{
    public static DriftComparison Compare(string name, SummarySide reference, SummarySide current, DriftPolicy policy)
    {
        (FeatureKind kind, bool currentUsable, string? note) = KindReconciliation.Reconcile(reference.Kind, current.Kind);
        SummarySide usableCurrent = currentUsable ? current : SummarySide.Empty;
        return kind switch
        {
            FeatureKind.Numeric => Numeric(name, reference, usableCurrent, note, policy.ForFeature(name)),
            FeatureKind.Binary => Binary(name, reference, usableCurrent, note),
            _ => Categorical(name, reference, usableCurrent, note),
        };
    }

    private static DriftComparison Numeric(string name, SummarySide reference, SummarySide current, string? note, FeatureDriftPolicy featurePolicy)
    {
        // Only sides whose kind is numeric contribute numbers: a categorical side with a few stray numbers does not.
        NumericSummary? r = reference.Kind == FeatureKind.Numeric ? reference.Numeric : null;
        NumericSummary? c = current.Kind == FeatureKind.Numeric ? current.Numeric : null;
        (double[] rv, double[] rw) = SortedView(r);
        (double[] cv, double[] cw) = SortedView(c);
        long rn = r?.Count ?? 0, cn = c?.Count ?? 0;
        double? sigma = rn > 0 ? r!.StdDev : null;
        // In the distance regime the p-value is left to the significance guard, which computes it only when needed.
        // W₁ once, from the sketches and the exact moments beside them (see SketchWasserstein): for the metrics and the decision.
        double? wasserstein = rn > 0 && cn > 0
            ? SketchWasserstein.Estimate(new(rv, rw, r!.Mean, r.Min, r.Max, r.Sketch.IsExact), new(cv, cw, c!.Mean, c.Min, c.Max, c.Sketch.IsExact))
            : null;
        DriftMetrics metrics = DriftMetricsCalculator.Numeric(
            rv, rw, cv, cw, rn, cn, sigma ?? 0, featurePolicy.WassersteinStdFloor, includePValue: rn <= featurePolicy.MaxReferenceSizeForTests, wasserstein: wasserstein);
        var input = FeatureDriftInput.NumericWeighted(name, rv, rw, cv, cw, rn, cn, sigma, wasserstein);
        return new DriftComparison(name, FeatureKind.Numeric, rn, cn, input, metrics, note);
    }

    private static DriftComparison Categorical(string name, SummarySide reference, SummarySide current, string? note)
    {
        FrequentItems? r = reference.Kind is null or FeatureKind.Numeric ? null : reference.Categories;
        FrequentItems? c = current.Kind is null or FeatureKind.Numeric ? null : current.Categories;
        // A category is compared on its own only where every approximate side tracks it; otherwise its tracked counts
        // join the untracked remainder (Other) in one "__other__" category on both sides. Comparing a category that one
        // side tracks against the 0 of a side that merely stopped tracking it would fake a shift.
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        long referenceOther = r?.Other ?? 0, currentOther = c?.Other ?? 0;
        foreach (ItemCount item in (r?.All() ?? []).Concat(c?.All() ?? []))
        {
            if (categories.Contains(item.Item) || item.Item == DriftReports.OtherCategory)
            {
                continue;
            }

            long referenceCount = r?.GetCount(item.Item) ?? 0, currentCount = c?.GetCount(item.Item) ?? 0;
            if (Tracks(r, referenceCount) && Tracks(c, currentCount))
            {
                categories.Add(item.Item);
            }
            else
            {
                referenceOther += referenceCount;
                currentOther += currentCount;
            }
        }

        // A real "__other__" category is pooled with the remainder.
        referenceOther += r?.GetCount(DriftReports.OtherCategory) ?? 0;
        currentOther += c?.GetCount(DriftReports.OtherCategory) ?? 0;
        bool other = referenceOther > 0 || currentOther > 0;
        int k = categories.Count + (other ? 1 : 0);
        var referenceCounts = new double[k];
        var currentCounts = new double[k];
        int i = 0;
        foreach (string category in categories)
        {
            referenceCounts[i] = r?.GetCount(category) ?? 0;
            currentCounts[i] = c?.GetCount(category) ?? 0;
            i++;
        }

        if (other)
        {
            referenceCounts[k - 1] = referenceOther;
            currentCounts[k - 1] = currentOther;
        }

        return new DriftComparison(
            name,
            FeatureKind.Categorical,
            r?.TotalCount ?? 0,
            c?.TotalCount ?? 0,
            FeatureDriftInput.Categorical(name, referenceCounts, currentCounts),
            DriftMetricsCalculator.Categorical(referenceCounts, currentCounts),
            note);
    }

    private static DriftComparison Binary(string name, SummarySide reference, SummarySide current, string? note)
    {
        (long rp, long rt) = reference.Kind == FeatureKind.Binary ? BinaryCategories.Count(reference.Categories!) : (0, 0);
        (long cp, long ct) = current.Kind == FeatureKind.Binary ? BinaryCategories.Count(current.Categories!) : (0, 0);
        return new DriftComparison(
            name,
            FeatureKind.Binary,
            rt,
            ct,
            FeatureDriftInput.Binary(name, rp, rt, cp, ct),
            DriftMetricsCalculator.Binary(rp, rt, cp, ct),
            note);
    }

    // An exact (or absent) counter knows every count, 0 included; an approximate one only the items it tracks.
    private static bool Tracks(FrequentItems? items, long count) => items is null || items.IsExact || count > 0;

    private static (double[] Values, double[] Weights) SortedView(NumericSummary? summary)
    {
        if (summary is null || summary.Count == 0)
        {
            return ([], []);
        }

        IReadOnlyList<WeightedValue> view = summary.Sketch.GetSortedView();
        var values = new double[view.Count];
        var weights = new double[view.Count];
        for (int i = 0; i < view.Count; i++)
        {
            values[i] = view[i].Value;
            weights[i] = view[i].Weight;
        }

        return (values, weights);
    }
}
