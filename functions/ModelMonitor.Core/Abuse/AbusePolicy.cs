using System.Text.Json.Serialization;
using ModelMonitor.Core.Operations;

namespace ModelMonitor.Core.Abuse;

/// <summary>
/// Per-model settings of the per-caller abuse checks (<see cref="CallerAbuseChecks"/>): rate against the caller's own
/// history and against the population of callers in the same hour, an optional hard quota, and the share of traffic.
/// Validated on construction; JSON through <see cref="AbusePolicyJson"/>.
/// </summary>
public sealed record AbusePolicy
{
    [JsonConstructor]
    public AbusePolicy(
        bool enabled = true,
        long minimumRequests = 50,
        int historyDays = 14,
        int minimumHistoryDays = 3,
        double ownRatio = 5.0,
        double alpha = 1e-6,
        int minimumPopulation = 5,
        double populationZ = 6.0,
        double populationRatio = 5.0,
        long? quotaPerHour = null,
        double maxShare = 0.5,
        long minimumDistinctCallers = 10,
        long repeatMinimumInputs = 100,
        double repeatZ = 6.0,
        double repeatMinimumExcess = 0.5)
    {
        Enabled = enabled;
        MinimumRequests = PolicyGuard.NonNegative(minimumRequests, nameof(minimumRequests));
        HistoryDays = PolicyGuard.Range(historyDays, 1, 60, nameof(historyDays));
        MinimumHistoryDays = PolicyGuard.Range(minimumHistoryDays, 1, historyDays, nameof(minimumHistoryDays));
        OwnRatio = PolicyGuard.Positive(ownRatio, nameof(ownRatio));
        Alpha = PolicyGuard.Fraction(alpha, nameof(alpha));
        MinimumPopulation = PolicyGuard.Range(minimumPopulation, 3, 100_000, nameof(minimumPopulation));
        PopulationZ = PolicyGuard.Positive(populationZ, nameof(populationZ));
        PopulationRatio = PolicyGuard.Positive(populationRatio, nameof(populationRatio));
        QuotaPerHour = quotaPerHour is null or > 0 ? quotaPerHour : throw new ArgumentOutOfRangeException(nameof(quotaPerHour), quotaPerHour, "Must be positive (or null for no quota).");
        MaxShare = PolicyGuard.Fraction(maxShare, nameof(maxShare));
        MinimumDistinctCallers = PolicyGuard.NonNegative(minimumDistinctCallers, nameof(minimumDistinctCallers));
        RepeatMinimumInputs = repeatMinimumInputs > 0 ? repeatMinimumInputs : throw new ArgumentOutOfRangeException(nameof(repeatMinimumInputs), repeatMinimumInputs, "Must be positive.");
        RepeatZ = PolicyGuard.Positive(repeatZ, nameof(repeatZ));
        RepeatMinimumExcess = PolicyGuard.Fraction(repeatMinimumExcess, nameof(repeatMinimumExcess));
    }

    /// <summary>Every default.</summary>
    public static AbusePolicy Default { get; } = new();

    /// <value>Default true.</value>
    public bool Enabled { get; }

    /// <summary>Requests of a caller in the hour below which its rate and share are not judged (the quota still is).</summary>
    /// <value>Default 50.</value>
    public long MinimumRequests { get; }

    /// <summary>Same hours of earlier days that form the caller's own baseline (their median).</summary>
    /// <value>Default 14.</value>
    public int HistoryDays { get; }

    /// <summary>Covered earlier days needed for an own baseline; with fewer the caller is judged on the population alone.</summary>
    /// <value>Default 3.</value>
    public int MinimumHistoryDays { get; }

    /// <summary>Requests over the caller's own baseline, at least.</summary>
    /// <value>Default 5.</value>
    public double OwnRatio { get; }

    /// <summary>Poisson upper-tail probability of the requests given the own baseline, below which the rise is significant.</summary>
    /// <value>Default 1e-6 (judged every hour for every caller).</value>
    public double Alpha { get; }

    /// <summary>Callers in the hour needed for population statistics.</summary>
    /// <value>Default 5.</value>
    public int MinimumPopulation { get; }

    /// <summary>Robust z-score (requests − median) / (1.4826 · MAD) above which a caller stands out of the population.</summary>
    /// <value>Default 6.</value>
    public double PopulationZ { get; }

    /// <summary>Requests over the population median, at least.</summary>
    /// <value>Default 5.</value>
    public double PopulationRatio { get; }

    /// <summary>Hard quota of requests per caller and hour; null: no quota.</summary>
    /// <value>Default null (off).</value>
    public long? QuotaPerHour { get; }

    /// <summary>Share of the hour's requests (with or without caller) above which one caller alerts.</summary>
    /// <value>Default 0.5.</value>
    public double MaxShare { get; }

    /// <summary>Distinct callers (HyperLogLog estimate) the hour needs before the share rule applies.</summary>
    /// <value>Default 10.</value>
    public long MinimumDistinctCallers { get; }

    /// <summary>
    /// Inputs (events with features, since the caller was tracked) a caller needs in the hour before its repeated inputs
    /// are judged or it counts in the population of repeat shares. Above an hourly health probe's 60 on purpose.
    /// </summary>
    /// <value>Default 100.</value>
    public long RepeatMinimumInputs { get; }

    /// <summary>Robust z-score of a caller's repeat share against the population's above which it stands out.</summary>
    /// <value>Default 6.</value>
    public double RepeatZ { get; }

    /// <summary>Repeat share over the population median, at least (shares are in [0, 1]).</summary>
    /// <value>Default 0.5: e.g. 60% of a caller's inputs repeat where the median caller repeats 10%.</value>
    public double RepeatMinimumExcess { get; }
}
