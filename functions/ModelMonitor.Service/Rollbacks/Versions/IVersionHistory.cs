using ModelMonitor.Core.Rollbacks;

namespace ModelMonitor.Service.Rollbacks.Versions;

/// <summary>The version registry's history half: which versions served which slot recently, from the events' <c>slot</c> and <c>modelVersion</c>.</summary>
public interface IVersionHistory
{
    Task<IReadOnlyList<SlotSighting>> GetSightingsAsync(string modelId, CancellationToken cancellationToken = default);
}
