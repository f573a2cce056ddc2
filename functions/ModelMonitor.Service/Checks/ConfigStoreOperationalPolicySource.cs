using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Operations;

namespace ModelMonitor.Service.Checks;

/// <summary>
/// Reads the <c>operational</c> member of a model's <c>checks</c> document (else of the default model <c>*</c>) from the
/// policy store, as <see cref="OperationalPolicyJson"/>. A document that does not parse is logged and the defaults
/// apply, so one bad edit never stops the checks.
/// </summary>
public sealed partial class ConfigStoreOperationalPolicySource(IModelConfigStore store, ILogger<ConfigStoreOperationalPolicySource> logger) : IOperationalPolicySource
{
    /// <summary>The member of the checks document that holds the operational policy.</summary>
    public const string Member = "operational";

    public async Task<OperationalPolicy> GetAsync(string modelId, CancellationToken cancellationToken = default)
    {
        foreach (var owner in (string[])[modelId, ConfigSections.DefaultModel])
        {
            if (await store.GetAsync(owner, ConfigSections.Checks, cancellationToken) is not { } document)
            {
                continue;
            }

            if (Extract(document.Json, out var policy, out var error))
            {
                if (policy is not null)
                {
                    return policy;
                }

                continue;
            }

            LogInvalidPolicy(logger, owner, error ?? "unknown error");
            return OperationalPolicy.Default;
        }

        return OperationalPolicy.Default;
    }

    // True when the document was readable: policy is null when it has no operational member.
    private static bool Extract(string json, out OperationalPolicy? policy, out string? error)
    {
        policy = null;
        error = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(Member, out var member))
            {
                return true;
            }

            policy = OperationalPolicyJson.TryParse(member.GetRawText(), out error);
            return policy is not null;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Operational policy of {ModelId} is invalid, defaults apply: {Error}")]
    private static partial void LogInvalidPolicy(ILogger logger, string modelId, string error);
}
