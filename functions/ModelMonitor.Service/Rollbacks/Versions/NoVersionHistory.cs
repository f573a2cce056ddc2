using ModelMonitor.Core.Rollbacks;

namespace ModelMonitor.Service.Rollbacks.Versions;

/// <summary>No monitoring history (the CLI without storage): ARM's versions are the only evidence.</summary>
public sealed class NoVersionHistory : IVersionHistory
{
    public Task<IReadOnlyList<SlotSighting>> GetSightingsAsync(string modelId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SlotSighting>>([]);
}
