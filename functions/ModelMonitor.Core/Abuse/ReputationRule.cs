using System.Globalization;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Abuse;

/// <summary>
/// Folds one hour's abuse judgements into callers' reputations (<see cref="CallerReputation"/>) and flags the low ones
/// (<see cref="AbuseSubkind.Reputation"/>). Pure: the caller reads and writes the store.
/// </summary>
public static class ReputationRule
{
    /// <summary>
    /// The reputation after the hour ending at <paramref name="hourEnd"/>, or <paramref name="stored"/> itself when that
    /// hour (or a later one) was folded in already, so that a re-run of an hour does not penalize twice.
    /// </summary>
    public static CallerReputation Next(CallerJudgement judgement, CallerReputation? stored, DateTimeOffset hourEnd, ReputationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        if (stored is not null && stored.UpdatedAt >= hourEnd)
        {
            return stored;
        }

        return CallerReputation.Next(judgement.CallerId, stored, judgement.Fired.Count, hourEnd, policy);
    }

    /// <summary>The <see cref="AlertKind.Abuse"/>/<see cref="AbuseSubkind.Reputation"/> alert of a flagged reputation, or null.</summary>
    public static MonitorAlert? Alert(string modelId, CallerJudgement judgement, CallerReputation reputation, DateTimeOffset hourEnd, ReputationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        ArgumentNullException.ThrowIfNull(reputation);
        ArgumentNullException.ThrowIfNull(policy);
        if (!reputation.IsFlagged(policy))
        {
            return null;
        }

        var hour = hourEnd - TimeSpan.FromHours(1);
        var evidence = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["score"] = reputation.Score,
            ["flagBelow"] = policy.FlagBelow,
            ["firedRules"] = judgement.Fired.Count,
            ["penaltyFactor"] = policy.PenaltyFactor,
            ["halfLifeHours"] = policy.HalfLifeHours,
            ["requests"] = judgement.Requests,
        };
        string rules = judgement.Fired.Count == 0 ? "none this hour" : string.Join(", ", judgement.Fired);
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Caller '{judgement.CallerId}' (in the feature slot) has a reputation of {reputation.Score:0.00}, below {policy.FlagBelow:0.00}, after hour {hour:yyyy-MM-dd HH}:00Z (abuse rules fired: {rules}).");
        var severity = reputation.Score < policy.FlagBelow * policy.PenaltyFactor ? Severity.Error : Severity.Warning;
        return new MonitorAlert(AlertKind.Abuse, AbuseSubkind.Reputation, modelId, WindowSummary.AnyVersion, judgement.CallerId, severity, hour, hourEnd, evidence, message);
    }
}
