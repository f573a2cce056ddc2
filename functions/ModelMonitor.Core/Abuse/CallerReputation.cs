namespace ModelMonitor.Core.Abuse;

/// <summary>
/// A caller's reputation in [0, 1], 1 being neutral (no abuse seen): each fired abuse rule multiplies it by the
/// policy's penalty, and between windows its distance to 1 decays with the policy's half-life, so an old incident is
/// forgiven and a persistent abuser stays low. Pure and immutable; the caller stores the latest value.
/// </summary>
/// <param name="CallerId">The caller.</param>
/// <param name="Score">In [0, 1].</param>
/// <param name="UpdatedAt">End of the last window folded in.</param>
public sealed record CallerReputation(string CallerId, double Score, DateTimeOffset UpdatedAt)
{
    /// <summary>The reputation after the window ending at <paramref name="windowEnd"/> in which <paramref name="firedRules"/> abuse rules fired.</summary>
    /// <param name="callerId">The caller.</param>
    /// <param name="previous">The stored reputation, or null for a caller without one (neutral).</param>
    /// <param name="firedRules">Abuse rules (alerts) that fired for the caller in the window.</param>
    /// <param name="windowEnd">End of the window; not before <paramref name="previous"/>'s update.</param>
    /// <param name="policy">Penalty and half-life.</param>
    public static CallerReputation Next(string callerId, CallerReputation? previous, int firedRules, DateTimeOffset windowEnd, ReputationPolicy policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(callerId);
        ArgumentOutOfRangeException.ThrowIfNegative(firedRules);
        ArgumentNullException.ThrowIfNull(policy);
        double score = 1.0;
        if (previous is not null)
        {
            if (windowEnd < previous.UpdatedAt)
            {
                throw new ArgumentException($"Window end {windowEnd:O} is before the last update {previous.UpdatedAt:O}.", nameof(windowEnd));
            }

            double hours = (windowEnd - previous.UpdatedAt).TotalHours;
            score = 1.0 - ((1.0 - previous.Score) * Math.Pow(0.5, hours / policy.HalfLifeHours));
        }

        score *= Math.Pow(policy.PenaltyFactor, firedRules);
        return new CallerReputation(callerId, Math.Clamp(score, 0.0, 1.0), windowEnd);
    }

    /// <summary>The score decayed toward neutral from <see cref="UpdatedAt"/> to <paramref name="at"/> (no earlier than the update).</summary>
    public double ScoreAt(DateTimeOffset at, ReputationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        double hours = Math.Max(0, (at - UpdatedAt).TotalHours);
        return Math.Clamp(1.0 - ((1.0 - Score) * Math.Pow(0.5, hours / policy.HalfLifeHours)), 0.0, 1.0);
    }

    /// <summary>Whether the score is low enough to flag under <paramref name="policy"/>.</summary>
    public bool IsFlagged(ReputationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Score < policy.FlagBelow;
    }
}
