using System.Text.Json.Serialization;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// Per-model settings of the operational checks (usage swings, silence, version regression, error rate), with the
/// defaults of issue 13. Validated on construction; JSON through <see cref="OperationalPolicyJson"/>.
/// </summary>
public sealed record OperationalPolicy
{
    /// <summary>Success statuses when the policy names none: anything else (besides HTTP codes below 400) is an error.</summary>
    public static readonly IReadOnlyList<string> DefaultSuccessStatuses = ["ok", "success"];

    [JsonConstructor]
    public OperationalPolicy(
        bool retired = false,
        IReadOnlyList<string>? successStatuses = null,
        UsageSwingPolicy? usageSwing = null,
        SilencePolicy? silence = null,
        VersionRegressionPolicy? versionRegression = null,
        ErrorRatePolicy? errorRate = null)
    {
        Retired = retired;
        SuccessStatuses = successStatuses is null ? DefaultSuccessStatuses : [.. successStatuses.Select(s => string.IsNullOrEmpty(s)
            ? throw new ArgumentException("Success statuses must not be empty.", nameof(successStatuses))
            : s)];
        UsageSwing = usageSwing ?? new UsageSwingPolicy();
        Silence = silence ?? new SilencePolicy();
        VersionRegression = versionRegression ?? new VersionRegressionPolicy();
        ErrorRate = errorRate ?? new ErrorRatePolicy();
    }

    /// <summary>Every default.</summary>
    public static OperationalPolicy Default { get; } = new();

    /// <summary>A model retired on purpose: no silence alert (nor any other operational alert) for it.</summary>
    /// <value>Default false.</value>
    public bool Retired { get; }

    /// <value>Default "ok", "success" (case-insensitive); HTTP codes 100–399 are successes too.</value>
    public IReadOnlyList<string> SuccessStatuses { get; }

    public UsageSwingPolicy UsageSwing { get; }

    public SilencePolicy Silence { get; }

    public VersionRegressionPolicy VersionRegression { get; }

    public ErrorRatePolicy ErrorRate { get; }
}
