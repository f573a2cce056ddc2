using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// Data-quality checks of a current window against a reference window, from their summaries only.
/// </summary>
/// <remarks>
/// <para>Per feature (ordinal name order), then the prediction scores (NaN/±∞ only, with a null feature):</para>
/// <list type="bullet">
/// <item><b>schema</b>: the feature disappeared (values in the reference, none in the current window — an abandoned
/// upstream column) → Error; or appeared → Warning. Only reported when the other window would almost surely have seen
/// a value at this window's rate ((1 − rate)^n &lt; 1 − confidence), so a rare optional feature is not flagged. A
/// disappeared feature gets no other findings.</item>
/// <item><b>type</b>: the dominant JSON type changed → Error; the feature became mixed-type → Warning.</item>
/// <item><b>nan</b>, <b>inf</b>: judged against the reference's own rate, not "any NaN": the current share must be
/// significantly higher (one-sided Fisher exact test, p &lt; <see cref="DataQualityPolicy.Significance"/>), at least
/// <see cref="DataQualityPolicy.MinNonFiniteIncrease"/> higher and at least <see cref="DataQualityPolicy.MinRateRatio"/>
/// times the reference share. A rise ≥ <see cref="DataQualityPolicy.CriticalRateIncrease"/> → Critical; otherwise new
/// where the reference had none → Error; more of what the reference already had → Warning.</item>
/// <item><b>missing</b>: current − reference missing rate ≥ threshold and significant (one-sided Fisher exact test) →
/// Warning; a rise of three times the critical rise → Error.</item>
/// <item><b>out-of-range</b>: share of current numbers below the reference minimum or above its maximum (exact min/max;
/// the share from the current sketch's ranks, exact until the sketch compacts) ≥ threshold and significantly above
/// 2 / (n_ref + 1), the rate at which values of the reference's own distribution land outside its range (one-sided
/// binomial test) → Warning; three times the threshold → Error.</item>
/// <item><b>unseen-category</b>: share of current values in categories the reference never saw ≥ threshold → Warning.
/// When the reference counter is approximate, a category it does not track counts only if its current share exceeds
/// the margin times the most it could have had in the reference. Current categories beyond the current counter's
/// capacity are not inspected, so the share is a lower bound.</item>
/// </list>
/// <para>
/// Out-of-range and unseen-category need the minimum sample size on both sides. An empty current window gives no
/// findings; an empty reference allows only the nan/inf checks. Constant features are handled like any other (no
/// division by a zero variance anywhere), so they give no finding of their own.
/// </para>
/// </remarks>
public static class DataQualityChecker
{
    public static IReadOnlyList<DataQualityFinding> Evaluate(WindowSummary reference, WindowSummary current, DataQualityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(policy);
        var findings = new List<DataQualityFinding>();
        if (current.EventCount == 0)
        {
            return findings;
        }

        IEnumerable<string> names = reference.Features.Keys.Union(current.Features.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (string name in names)
        {
            CheckFeature(findings, name, reference, current, policy);
        }

        ValueRules.NonFinite(findings, null, "prediction scores", current.PredictionScores, reference.PredictionScores, current.EventCount, reference.EventCount, policy);
        return findings;
    }

    private static void CheckFeature(List<DataQualityFinding> findings, string name, WindowSummary reference, WindowSummary current, DataQualityPolicy policy)
    {
        FeatureSummary? r = reference.Features.GetValueOrDefault(name);
        FeatureSummary? c = current.Features.GetValueOrDefault(name);
        long referencePresent = r?.Present ?? 0, currentPresent = c?.Present ?? 0;
        bool hasReference = reference.EventCount > 0;
        if (hasReference && referencePresent > 0 && currentPresent == 0)
        {
            PresenceRules.Schema(findings, name, appeared: false, referencePresent, reference.EventCount, current.EventCount, policy);
            return;
        }

        if (hasReference && referencePresent == 0 && currentPresent > 0)
        {
            PresenceRules.Schema(findings, name, appeared: true, currentPresent, current.EventCount, reference.EventCount, policy);
        }

        if (c is null || currentPresent == 0)
        {
            return;
        }

        if (r is not null && referencePresent > 0)
        {
            PresenceRules.TypeChange(findings, name, r, c);
        }

        ValueRules.NonFinite(findings, name, name, c.Numeric, r?.Numeric, current.EventCount, reference.EventCount, policy);
        if (r is null || referencePresent == 0)
        {
            return;
        }

        ValueRules.MissingRate(findings, name, reference.MissingCount(r), reference.EventCount, current.MissingCount(c), current.EventCount, policy);
        ValueRules.OutOfRange(findings, name, r.Numeric, c.Numeric, policy);
        ValueRules.UnseenCategories(findings, name, r.Categories, c.Categories, policy);
    }
}
