using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Summaries.Serialization;

namespace ModelMonitor.Storage.Blobs;

/// <summary>
/// Training or validation profiles stored as summaries: <c>references/{modelId}/{modelVersion}</c> for one version,
/// <c>references/{modelId}/default</c> for any version without its own.
/// </summary>
public sealed class ReferenceStore(BlobContainerClient references)
{
    public const string DefaultLeaf = "default";

    public static string BlobName(string modelId, string? modelVersion) =>
        $"{Identifiers.RequireValidPathId(modelId, nameof(modelId))}/{(modelVersion is null ? DefaultLeaf : Identifiers.RequireValidPathId(modelVersion, nameof(modelVersion)))}";

    public async Task SaveAsync(string modelId, string? modelVersion, WindowSummary reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await references.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await references.GetBlobClient(BlobName(modelId, modelVersion)).UploadAsync(
            BinaryData.FromBytes(WindowSummarySerializer.Serialize(reference)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = "gzip" } },
            cancellationToken);
    }

    /// <summary>The version's own reference, else the model's default, else null.</summary>
    /// <exception cref="CorruptBlobException">The reference blob exists but cannot be read; names the blob.</exception>
    public async Task<WindowSummary?> ReadAsync(string modelId, string modelVersion, CancellationToken cancellationToken = default)
    {
        foreach (var name in new[] { BlobName(modelId, modelVersion), BlobName(modelId, null) })
        {
            try
            {
                var content = await references.GetBlobClient(name).DownloadContentAsync(cancellationToken);
                try
                {
                    return WindowSummarySerializer.Deserialize(content.Value.Content.ToMemory().Span);
                }
                catch (FormatException ex)
                {
                    throw new CorruptBlobException($"{references.Name}/{name}", ex);
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }
        }

        return null;
    }
}
