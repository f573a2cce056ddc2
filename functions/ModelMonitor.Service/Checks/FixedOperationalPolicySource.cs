using ModelMonitor.Core.Operations;

namespace ModelMonitor.Service.Checks;

/// <summary>The same policy for every model, except those named in <paramref name="perModel"/> (local runs, tests).</summary>
public sealed class FixedOperationalPolicySource(OperationalPolicy policy, IReadOnlyDictionary<string, OperationalPolicy>? perModel = null) : IOperationalPolicySource
{
    public Task<OperationalPolicy> GetAsync(string modelId, CancellationToken cancellationToken = default) =>
        Task.FromResult(perModel is not null && perModel.TryGetValue(modelId, out var own) ? own : policy);
}
