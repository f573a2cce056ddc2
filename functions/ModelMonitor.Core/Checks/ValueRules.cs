using ModelMonitor.Core.Sketches;
using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;
using static System.FormattableString;

namespace ModelMonitor.Core.Checks;

/// <summary>Data-quality rules about a feature's values: NaN/±∞, missing rate, range and unseen categories.</summary>
internal static class ValueRules
{
    public static void NonFinite(
        List<DataQualityFinding> findings,
        string? feature,
        string label,
        NumericSummary? current,
        NumericSummary? reference,
        long events,
        long referenceEvents,
        DataQualityPolicy policy)
    {
        if (current is null)
        {
            return;
        }

        long n = Math.Max(events, current.Total);
        long referenceN = Math.Max(referenceEvents, reference?.Total ?? 0);
        if (current.Nan > 0)
        {
            long referenceNan = reference?.Nan ?? 0;
            RateRise(findings, DataQualitySubkind.Nan, feature, current.Nan, n, referenceNan, referenceN, policy, [], Invariant($"NaN values in {label}"));
        }

        long infinite = current.PosInf + current.NegInf;
        if (infinite > 0)
        {
            long referenceInfinite = (reference?.PosInf ?? 0) + (reference?.NegInf ?? 0);
            RateRise(findings, DataQualitySubkind.Inf, feature, infinite, n, referenceInfinite, referenceN, policy,
                [new("positive", current.PosInf), new("negative", current.NegInf)], Invariant($"infinite values in {label}"));
        }
    }

    /// <summary>
    /// A non-finite rate judged against the reference's own rate: significant (one-sided Fisher exact, p &lt; α), at
    /// least the minimum absolute rise and at least the minimum ratio over the reference rate. Severity follows the size:
    /// a rise of the critical size → Critical; new where the reference had none → Error; more of what the reference
    /// already had → Warning. An empty reference has no rate to compare with, so any non-finite value counts as new.
    /// </summary>
    private static void RateRise(
        List<DataQualityFinding> findings,
        string subkind,
        string? feature,
        long count,
        long n,
        long referenceCount,
        long referenceN,
        DataQualityPolicy policy,
        KeyValuePair<string, double?>[] extra,
        string what)
    {
        double share = (double)count / n;
        double referenceShare = referenceN == 0 ? 0.0 : (double)referenceCount / referenceN;
        double increase = share - referenceShare;
        double pValue = referenceN == 0 ? 0.0 : RateIncreaseTest.FisherGreater(referenceCount, referenceN, count, n);
        if (!(pValue < policy.Significance)
            || !Thresholds.Reached(increase, policy.MinNonFiniteIncrease)
            || !Thresholds.Reached(share, policy.MinRateRatio * referenceShare))
        {
            return;
        }

        Severity severity = Thresholds.Reached(increase, policy.CriticalRateIncrease) ? Severity.Critical
            : referenceCount == 0 ? Severity.Error
            : Severity.Warning;
        var evidence = new Dictionary<string, double?>
        {
            ["count"] = count,
            ["share"] = share,
            ["n"] = n,
            ["referenceCount"] = referenceCount,
            ["referenceShare"] = referenceShare,
            ["referenceN"] = referenceN,
            ["increase"] = increase,
            ["pValue"] = pValue,
            ["alpha"] = policy.Significance,
        };
        foreach (KeyValuePair<string, double?> pair in extra)
        {
            evidence[pair.Key] = pair.Value;
        }

        string message = referenceCount == 0
            ? Invariant($"{count} {what} ({share:P2}); the reference had none.")
            : Invariant($"{count} {what} ({share:P2}), up from {referenceShare:P2} in the reference.");
        findings.Add(new DataQualityFinding(subkind, feature, severity, evidence, message));
    }

    public static void MissingRate(
        List<DataQualityFinding> findings, string name, long referenceMissing, long referenceEvents, long currentMissing, long currentEvents, DataQualityPolicy policy)
    {
        double referenceRate = (double)referenceMissing / referenceEvents;
        double currentRate = (double)currentMissing / currentEvents;
        double increase = currentRate - referenceRate;
        double pValue = RateIncreaseTest.FisherGreater(referenceMissing, referenceEvents, currentMissing, currentEvents);
        if (!Thresholds.Reached(increase, policy.MissingRateIncrease) || !(pValue < policy.Significance))
        {
            return;
        }

        ConfidenceInterval ci = ProportionConfidenceInterval.Wilson(currentMissing, currentEvents, policy.Confidence);
        Severity severity = Thresholds.Reached(increase, policy.MissingRateIncrease * 3) ? Severity.Error : Severity.Warning;
        findings.Add(new DataQualityFinding(
            DataQualitySubkind.Missing,
            name,
            severity,
            new Dictionary<string, double?>
            {
                ["referenceRate"] = referenceRate,
                ["currentRate"] = currentRate,
                ["increase"] = increase,
                ["threshold"] = policy.MissingRateIncrease,
                ["pValue"] = pValue,
                ["alpha"] = policy.Significance,
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

        // A fresh value from the reference's own (continuous) distribution falls outside the reference's [min, max]
        // with probability 2 / (n + 1): that is the reference's own rate, and the share must be significantly above it.
        double expected = Math.Min(1.0, 2.0 / (r.Count + 1.0));
        long outside = Math.Clamp((long)Math.Round(share * c.Count), 0, c.Count);
        double pValue = RateIncreaseTest.BinomialGreater(outside, c.Count, expected);
        if (!Thresholds.Reached(share, policy.OutOfRangeShare) || !(pValue < policy.Significance))
        {
            return;
        }

        bool exact = c.Sketch.RetainedCount == c.Sketch.Count;
        findings.Add(new DataQualityFinding(
            DataQualitySubkind.OutOfRange,
            name,
            Thresholds.Reached(share, policy.OutOfRangeShare * 3) ? Severity.Error : Severity.Warning,
            new Dictionary<string, double?>
            {
                ["share"] = share,
                ["expectedShare"] = expected,
                ["pValue"] = pValue,
                ["alpha"] = policy.Significance,
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
