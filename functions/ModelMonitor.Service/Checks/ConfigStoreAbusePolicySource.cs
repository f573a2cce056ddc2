using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Configuration;

namespace ModelMonitor.Service.Checks;

/// <summary>
/// Reads the <c>abuse</c> member of a model's <c>checks</c> document (else of the default model <c>*</c>) from the
/// policy store, as <see cref="AbusePolicyJson"/>. A document that does not parse is logged and the defaults apply, as
/// <see cref="ConfigStoreOperationalPolicySource"/> does, so one bad edit never stops the checks.
/// </summary>
public sealed partial class ConfigStoreAbusePolicySource(IModelConfigStore store, ILogger<ConfigStoreAbusePolicySource> logger) : IAbusePolicySource
{
    public async Task<AbusePolicy> GetAsync(string modelId, CancellationToken cancellationToken = default)
    {
        foreach (var owner in (string[])[modelId, ConfigSections.DefaultModel])
        {
            if (await store.GetAsync(owner, ConfigSections.Checks, cancellationToken) is not { } document)
            {
                continue;
            }

            string? error;
            try
            {
                using var json = JsonDocument.Parse(document.Json);
                if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty(CheckPolicyJson.AbuseMember, out var member))
                {
                    continue;
                }

                if (AbusePolicyJson.TryParse(member.GetRawText(), out error) is { } policy)
                {
                    return policy;
                }
            }
            catch (JsonException ex)
            {
                error = ex.Message;
            }

            LogInvalidPolicy(logger, owner, error ?? "unknown error");
            return AbusePolicy.Default;
        }

        return AbusePolicy.Default;
    }

    [LoggerMessage(EventId = 4151, Level = LogLevel.Warning, Message = "Abuse policy of {ModelId} is invalid, defaults apply: {Error}")]
    private static partial void LogInvalidPolicy(ILogger logger, string modelId, string error);
}
