using System.Text.Json.Serialization;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// Computational regression of a new version against the version it replaces, over comparable hours: the same hours
/// when both serve (a canary), else the same hours of day on the latest earlier days the previous version served.
/// </summary>
public sealed record VersionRegressionPolicy
{
    [JsonConstructor]
    public VersionRegressionPolicy(
        bool enabled = true,
        int comparisonHours = 24,
        int newVersionMaxAgeDays = 7,
        long minimumRequests = 200,
        double alpha = 0.001,
        double minimumRelativeIncrease = 0.10,
        double minimumErrorRateIncrease = 0.005)
    {
        Enabled = enabled;
        ComparisonHours = PolicyGuard.Range(comparisonHours, 1, 24 * 7, nameof(comparisonHours));
        NewVersionMaxAgeDays = PolicyGuard.Range(newVersionMaxAgeDays, 1, 60, nameof(newVersionMaxAgeDays));
        MinimumRequests = PolicyGuard.NonNegative(minimumRequests, nameof(minimumRequests));
        Alpha = PolicyGuard.Fraction(alpha, nameof(alpha));
        MinimumRelativeIncrease = PolicyGuard.NonNegative(minimumRelativeIncrease, nameof(minimumRelativeIncrease));
        MinimumErrorRateIncrease = PolicyGuard.NonNegative(minimumErrorRateIncrease, nameof(minimumErrorRateIncrease));
    }

    /// <value>Default true.</value>
    public bool Enabled { get; }

    /// <summary>Latest hours of the new version compared.</summary>
    /// <value>Default 24.</value>
    public int ComparisonHours { get; }

    /// <summary>A version first seen longer ago than this is no longer new.</summary>
    /// <value>Default 7 days.</value>
    public int NewVersionMaxAgeDays { get; }

    /// <summary>Requests each side needs before anything is judged.</summary>
    /// <value>Default 200.</value>
    public long MinimumRequests { get; }

    /// <summary>One-sided significance level of each test (quantile rank shift, two-proportion z, Welch z).</summary>
    /// <value>Default 0.001.</value>
    public double Alpha { get; }

    /// <summary>Smallest relative worsening of latency, CPU or memory worth an alert.</summary>
    /// <value>Default 0.10.</value>
    public double MinimumRelativeIncrease { get; }

    /// <summary>Smallest absolute error-rate increase worth an alert.</summary>
    /// <value>Default 0.005 (half a percentage point).</value>
    public double MinimumErrorRateIncrease { get; }
}
