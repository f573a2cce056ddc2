using System.Text.Json;
using ModelMonitor.Core.Operations;

namespace ModelMonitor.Core.Abuse;

/// <summary>
/// JSON of <see cref="AbusePolicy"/>, meant as the <c>abuse</c> member of a model's <c>checks</c> section:
/// <code>
/// {"enabled":true,"minimumRequests":50,"historyDays":14,"minimumHistoryDays":3,"ownRatio":5,"alpha":1e-6,
///  "minimumPopulation":5,"populationZ":6,"populationRatio":5,"quotaPerHour":null,"maxShare":0.5,"minimumDistinctCallers":10,
///  "repeatMinimumInputs":100,"repeatZ":6,"repeatMinimumExcess":0.5}
/// </code>
/// Every member is optional (defaults apply); unknown members are rejected so that a typo is not silently ignored.
/// </summary>
public static class AbusePolicyJson
{
    /// <summary>Parses a policy; on bad input returns null and the reason, never throws.</summary>
    public static AbusePolicy? TryParse(string json, out string? error) =>
        PolicyJson.TryParse(json, AbuseJsonContext.Default.AbusePolicy, out error);

    public static string Serialize(AbusePolicy policy) => JsonSerializer.Serialize(policy, AbuseJsonContext.Default.AbusePolicy);
}
