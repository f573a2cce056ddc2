using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Service.Rollbacks.Versions;

/// <summary>
/// Version history from the window summaries: each version's <c>Slots</c> counts over the last <paramref name="lookback"/>,
/// dated by the last window with events. Reads roll-ups where whole days and hours allow (see <see cref="SummaryReader"/>).
/// </summary>
public sealed class SummaryVersionHistory(SummaryReader reader, TimeProvider timeProvider, TimeSpan lookback) : IVersionHistory
{
    public async Task<IReadOnlyList<SlotSighting>> GetSightingsAsync(string modelId, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var sightings = new List<SlotSighting>();
        await foreach (var version in reader.ListModelVersionsAsync(cancellationToken))
        {
            if (!string.Equals(version.ModelId, modelId, StringComparison.Ordinal))
            {
                continue;
            }

            var summary = await reader.ReadRangeAsync(modelId, version.ModelVersion, now - lookback, now, cancellationToken);
            if (summary is null)
            {
                continue;
            }

            foreach (var slot in summary.Slots.All())
            {
                sightings.Add(new SlotSighting(version.ModelVersion, slot.Item, slot.Count, summary.WindowEnd));
            }
        }

        return sightings;
    }
}
