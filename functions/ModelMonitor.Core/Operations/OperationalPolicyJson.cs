using System.Text.Json;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// JSON of <see cref="OperationalPolicy"/>, meant as the <c>operational</c> member of a model's <c>checks</c> section:
/// <code>
/// {"retired":false,"successStatuses":["ok"],
///  "usageSwing":{"hourlyThreshold":0.3,"weeklyThreshold":0.15,"persistHours":2,"hugeChange":0.8,"baselineWeeks":4,
///                "requests":{"enabled":true,"direction":"both","minimumHourlyVolume":100,"minimumWeeklyVolume":5000}, "latency":{…}, "errors":{…}, "cpu":{…}, "memory":{…}},
///  "silence":{"collapseFraction":0.1,"alpha":0.0001,"maxGapHours":72},
///  "versionRegression":{"comparisonHours":24,"newVersionMaxAgeDays":7,"minimumRequests":200,"alpha":0.001,"minimumRelativeIncrease":0.1,"minimumErrorRateIncrease":0.005},
///  "errorRate":{"baselineDays":7,"persistHours":1,"minimumRequests":100,"minimumErrors":5,"minimumBaselineRequests":1000,"alpha":0.0001,"minimumRatio":1.5,"minimumAbsoluteIncrease":0.01}}
/// </code>
/// Every member is optional (defaults apply); unknown members are rejected so that a typo is not silently ignored.
/// </summary>
public static class OperationalPolicyJson
{
    /// <summary>Parses a policy; on bad input returns null and the reason, never throws.</summary>
    public static OperationalPolicy? TryParse(string json, out string? error) =>
        PolicyJson.TryParse(json, OperationalJsonContext.Default.OperationalPolicy, out error);

    public static string Serialize(OperationalPolicy policy) => JsonSerializer.Serialize(policy, OperationalJsonContext.Default.OperationalPolicy);
}
