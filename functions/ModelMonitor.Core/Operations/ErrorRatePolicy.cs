using System.Text.Json.Serialization;

namespace ModelMonitor.Core.Operations;

/// <summary>Error rate of the last complete hours against the model's own trailing baseline (all versions).</summary>
public sealed record ErrorRatePolicy
{
    [JsonConstructor]
    public ErrorRatePolicy(
        bool enabled = true,
        int baselineDays = 7,
        int persistHours = 1,
        long minimumRequests = 100,
        long minimumErrors = 5,
        long minimumBaselineRequests = 1000,
        double alpha = 0.0001,
        double minimumRatio = 1.5,
        double minimumAbsoluteIncrease = 0.01)
    {
        Enabled = enabled;
        BaselineDays = PolicyGuard.Range(baselineDays, 1, 60, nameof(baselineDays));
        PersistHours = PolicyGuard.Range(persistHours, 1, 24, nameof(persistHours));
        MinimumRequests = PolicyGuard.NonNegative(minimumRequests, nameof(minimumRequests));
        MinimumErrors = PolicyGuard.NonNegative(minimumErrors, nameof(minimumErrors));
        MinimumBaselineRequests = PolicyGuard.NonNegative(minimumBaselineRequests, nameof(minimumBaselineRequests));
        Alpha = PolicyGuard.Fraction(alpha, nameof(alpha));
        MinimumRatio = PolicyGuard.Positive(minimumRatio, nameof(minimumRatio));
        MinimumAbsoluteIncrease = PolicyGuard.NonNegative(minimumAbsoluteIncrease, nameof(minimumAbsoluteIncrease));
    }

    /// <value>Default true.</value>
    public bool Enabled { get; }

    /// <summary>Days before the judged hours that form the baseline.</summary>
    /// <value>Default 7.</value>
    public int BaselineDays { get; }

    /// <summary>Consecutive latest hours that must each be significantly above the baseline.</summary>
    /// <value>Default 1.</value>
    public int PersistHours { get; }

    /// <value>Default 100 requests in a judged hour.</value>
    public long MinimumRequests { get; }

    /// <value>Default 5 errors in a judged hour.</value>
    public long MinimumErrors { get; }

    /// <summary>Below this many baseline requests the state is "history too short".</summary>
    /// <value>Default 1000.</value>
    public long MinimumBaselineRequests { get; }

    /// <summary>One-sided level of the binomial test; evaluated every hour, so 1e-4 keeps chance firings near one a year.</summary>
    /// <value>Default 0.0001.</value>
    public double Alpha { get; }

    /// <summary>Current rate over baseline rate, at least.</summary>
    /// <value>Default 1.5.</value>
    public double MinimumRatio { get; }

    /// <summary>Current rate minus baseline rate, at least.</summary>
    /// <value>Default 0.01.</value>
    public double MinimumAbsoluteIncrease { get; }
}
