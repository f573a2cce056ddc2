using ModelMonitor.Core.Operations;

namespace ModelMonitor.Service.Checks;

/// <summary>Where <see cref="OperationalCheckRunner"/> gets each model's <see cref="OperationalPolicy"/>.</summary>
public interface IOperationalPolicySource
{
    /// <returns>The model's policy; the defaults when it has none.</returns>
    Task<OperationalPolicy> GetAsync(string modelId, CancellationToken cancellationToken = default);
}
