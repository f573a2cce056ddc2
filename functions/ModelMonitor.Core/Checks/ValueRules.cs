using ModelMonitor.Core.Sketches;
using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;
using static System.FormattableString;

namespace ModelMonitor.Core.Checks;

/// <summary>Data-quality rules about a feature's values: NaN/±∞, missing rate, range and unseen categories.</summary>
internal static class ValueRules
{
    public static void NonFinite(
        List<DataQualityFinding> findings, string? feature, string label, NumericSummary? current, NumericSummary? reference, long events)
    {
        if (current is null)
        {
            return;
        }

        if (current.Nan > 0)
        {
            findings.Add(new DataQualityFinding(
                DataQualitySubkind.Nan,
                feature,
                Severity.Critical,
                new Dictionary<string, double?>
                {
                    ["count"] = current.Nan,
                    ["share"] = (double)current.Nan / Math.Max(events, current.Total),
                    ["n"] = events,
                    ["referenceCount"] = reference?.Nan ?? 0,
                },
                Invariant($"{current.Nan} NaN values in {label}.")));
        }

        long infinite = current.PosInf + current.NegInf;
        if (infinite > 0)
        {
            findings.Add(new DataQualityFinding(
                DataQualitySubkind.Inf,
                feature,
                Severity.Critical,
                new Dictionary<string, double?>
                {
                    ["count"] = infinite,
                    ["positive"] = current.PosInf,
                    ["negative"] = current.NegInf,
                    ["share"] = (double)infinite / Math.Max(events, current.Total),
                    ["n"] = events,
                    ["referenceCount"] = (reference?.PosInf ?? 0) + (reference?.NegInf ?? 0),
                },
                Invariant($"{infinite} infinite values in {label}.")));
        }
    }

    public static void MissingRate(
        List<DataQualityFinding> findings, string name, long referenceMissing, long referenceEvents, long currentMissing, long currentEvents, DataQualityPolicy policy)
    {
        double referenceRate = (double)referenceMissing / referenceEvents;
        double currentRate = (double)currentMissing / currentEvents;
        double increase = currentRate - referenceRate;
        ConfidenceInterval ci = ProportionConfidenceInterval.Wilson(currentMissing, currentEvents, policy.Confidence);
        if (!Thresholds.Reached(increase, policy.MissingRateIncrease) || !(ci.Lower > referenceRate))
        {
            return;
        }

        findings.Add(new DataQualityFinding(
            DataQualitySubkind.Missing,
            name,
            Severity.Warning,
            new Dictionary<string, double?>
            {
                ["referenceRate"] = referenceRate,
                ["currentRate"] = currentRate,
                ["increase"] = increase,
                ["threshold"] = policy.MissingRateIncrease,
                ["ciLower"] = ci.Lower,
                ["ciUpper"] = ci.Upper,
                ["n"] = currentEvents,
                ["referenceN"] = referenceEvents,
            },
            Invariant($"Missing rate of '{name}' rose from {referenceRate:P1} to {currentRate:P1}.")));
    }

    public static void OutOfRange(List<DataQualityFinding> findings, string name, NumericSummary? r, NumericSummary? c, DataQualityPolicy policy)
    {
        if (r is null || c is null || r.Count < policy.MinSampleSize || c.Count < policy.MinSampleSize)
        {
            return;
        }

        double low = r.Min, high = r.Max;

        // GetRank is the share ≤ a value, so the share strictly below the minimum is the rank of the next double down.
        double below = c.Min < low ? c.Sketch.GetRank(Math.BitDecrement(low)) : 0.0;
        double above = c.Max > high ? 1.0 - c.Sketch.GetRank(high) : 0.0;
        double share = below + above;
        if (!Thresholds.Reached(share, policy.OutOfRangeShare))
        {
            return;
        }

        bool exact = c.Sketch.RetainedCount == c.Sketch.Count;
        findings.Add(new DataQualityFinding(
            DataQualitySubkind.OutOfRange,
            name,
            Severity.Warning,
            new Dictionary<string, double?>
            {
                ["share"] = share,
                ["belowShare"] = below,
                ["aboveShare"] = above,
                ["threshold"] = policy.OutOfRangeShare,
                ["referenceMin"] = low,
                ["referenceMax"] = high,
                ["currentMin"] = c.Min,
                ["currentMax"] = c.Max,
                ["n"] = c.Count,
                ["rankError"] = exact ? 0.0 : c.Sketch.NormalizedRankError,
            },
            Invariant($"{share:P1} of '{name}' values lie outside the reference range [{low:G6}, {high:G6}].")));
    }

    public static void UnseenCategories(List<DataQualityFinding> findings, string name, FrequentItems? r, FrequentItems? c, DataQualityPolicy policy)
    {
        if (r is null || c is null || r.TotalCount < policy.MinSampleSize || c.TotalCount < policy.MinSampleSize)
        {
            return;
        }

        // Most an untracked category can have had in an approximate reference, as a share.
        double referenceBound = r.IsExact ? 0.0 : (double)r.MaxError / r.TotalCount;
        List<ItemCount> unseen =
        [
            .. c.All().Where(item => r.GetCount(item.Item) == 0
                && (r.IsExact || (double)item.Count / c.TotalCount >= policy.UnseenCategoryMargin * referenceBound)),
        ];
        double share = (double)unseen.Sum(i => i.Count) / c.TotalCount;
        if (unseen.Count == 0 || !Thresholds.Reached(share, policy.UnseenCategoryShare))
        {
            return;
        }

        string examples = string.Join(", ", unseen.Take(5).Select(i => $"'{i.Item}'"));
        findings.Add(new DataQualityFinding(
            DataQualitySubkind.UnseenCategory,
            name,
            Severity.Warning,
            new Dictionary<string, double?>
            {
                ["share"] = share,
                ["threshold"] = policy.UnseenCategoryShare,
                ["categories"] = unseen.Count,
                ["n"] = c.TotalCount,
                ["referenceExact"] = r.IsExact ? 1 : 0,
                ["referenceMaxError"] = r.MaxError,
            },
            Invariant($"{share:P1} of '{name}' values are in categories the reference never saw ({examples}).")));
    }
}
