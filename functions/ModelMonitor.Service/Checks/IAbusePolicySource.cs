using ModelMonitor.Core.Abuse;

namespace ModelMonitor.Service.Checks;

/// <summary>Where <see cref="AbuseCheckRunner"/> gets each model's <see cref="AbusePolicy"/>.</summary>
public interface IAbusePolicySource
{
    /// <returns>The model's policy; the defaults when it has none.</returns>
    Task<AbusePolicy> GetAsync(string modelId, CancellationToken cancellationToken = default);
}
