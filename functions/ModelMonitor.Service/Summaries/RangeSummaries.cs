using Azure;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Service.Summaries;

/// <summary>
/// A model's merged summary over a time range, and pinning such a range as the model's reference: the logic shared by
/// <c>modelmonitor summary</c>/<c>reference pin</c> and the ops API's <c>GET …/summary</c>/<c>PUT …/reference</c>.
/// </summary>
public sealed class RangeSummaries(SummaryReader reader, ReferenceStore references)
{
    /// <returns>The merged summary over [from, to), or null when nothing is stored there (no windows container included).</returns>
    public async Task<WindowSummary?> ReadAsync(string modelId, string? modelVersion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        try
        {
            return await reader.ReadRangeAsync(modelId, modelVersion, from, to, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode == "ContainerNotFound")
        {
            // Nothing was ever ingested into this storage account: no data, not a failure.
            return null;
        }
    }

    /// <summary>
    /// Stores the merged summary of [from, to) as the reference of <paramref name="modelVersion"/> (null: the model's
    /// default, read over all versions), replacing any reference there.
    /// </summary>
    /// <returns>What was pinned, or null (nothing stored) when the range holds no data.</returns>
    public async Task<PinnedReference?> PinAsync(string modelId, string? modelVersion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var summary = await ReadAsync(modelId, modelVersion, from, to, cancellationToken);
        if (summary is null)
        {
            return null;
        }

        await references.SaveAsync(modelId, modelVersion, summary, cancellationToken);
        return new PinnedReference(
            $"{BlobNames.ReferencesContainer}/{ReferenceStore.BlobName(modelId, modelVersion)}",
            modelId,
            modelVersion,
            from,
            to,
            summary.EventCount,
            summary.Features.Count,
            summary.Outcomes.Count);
    }
}
