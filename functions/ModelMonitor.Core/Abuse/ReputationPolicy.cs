using System.Text.Json.Serialization;
using ModelMonitor.Core.Operations;

namespace ModelMonitor.Core.Abuse;

/// <summary>How a caller's reputation (<see cref="CallerReputation"/>) falls on abuse alerts and recovers.</summary>
public sealed record ReputationPolicy
{
    [JsonConstructor]
    public ReputationPolicy(double halfLifeHours = 24, double penaltyFactor = 0.5, double flagBelow = 0.3)
    {
        HalfLifeHours = PolicyGuard.Positive(halfLifeHours, nameof(halfLifeHours));
        PenaltyFactor = PolicyGuard.Fraction(penaltyFactor, nameof(penaltyFactor));
        FlagBelow = PolicyGuard.Fraction(flagBelow, nameof(flagBelow));
    }

    public static ReputationPolicy Default { get; } = new();

    /// <summary>Hours in which the distance to neutral (1) halves without new alerts.</summary>
    /// <value>Default 24.</value>
    public double HalfLifeHours { get; }

    /// <summary>Factor the score is multiplied by per fired abuse rule in a window.</summary>
    /// <value>Default 0.5.</value>
    public double PenaltyFactor { get; }

    /// <summary>Scores below this are flagged (e.g. kept out of references, proposed for the blocklist).</summary>
    /// <value>Default 0.3: two fired rules in quick succession.</value>
    public double FlagBelow { get; }
}
