using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// The parsing scaffold the policy JSON types share: a source-generated contract whose constructors validate, so bad
/// JSON and out-of-range settings alike come back as a reason, never as an exception.
/// </summary>
internal static class PolicyJson
{
    public static T? TryParse<T>(string json, JsonTypeInfo<T> contract, out string? error)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var policy = JsonSerializer.Deserialize(json, contract);
            error = policy is null ? "The policy is null." : null;
            return policy;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            error = ex.Message;
            return null;
        }
    }
}
