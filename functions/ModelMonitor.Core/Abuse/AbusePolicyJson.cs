using System.Text.Json;

namespace ModelMonitor.Core.Abuse;

/// <summary>
/// JSON of <see cref="AbusePolicy"/>, meant as the <c>abuse</c> member of a model's <c>checks</c> section:
/// <code>
/// {"enabled":true,"minimumRequests":50,"historyDays":14,"minimumHistoryDays":3,"ownRatio":5,"alpha":1e-6,
///  "minimumPopulation":5,"populationZ":6,"populationRatio":5,"quotaPerHour":null,"maxShare":0.5,"minimumDistinctCallers":10}
/// </code>
/// Every member is optional (defaults apply); unknown members are rejected so that a typo is not silently ignored.
/// </summary>
public static class AbusePolicyJson
{
    /// <summary>Parses a policy; on bad input returns null and the reason, never throws.</summary>
    public static AbusePolicy? TryParse(string json, out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var policy = JsonSerializer.Deserialize(json, AbuseJsonContext.Default.AbusePolicy);
            error = policy is null ? "The policy is null." : null;
            return policy;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
        }

        return null;
    }

    public static string Serialize(AbusePolicy policy) => JsonSerializer.Serialize(policy, AbuseJsonContext.Default.AbusePolicy);
}
