using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Summaries.Serialization;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Storage.Blobs;

/// <summary>
/// Partition window summaries as blobs. The redelivery high-water mark travels in blob metadata so that it
/// is written atomically with the summary; writes are conditional on the ETag read.
/// </summary>
public sealed class BlobWindowStore(BlobContainerClient container) : IWindowStore
{
    public const string LastSequenceMetadata = "lastsequence";
    public const string EventCountMetadata = "eventcount";

    public async Task<StoredWindow?> ReadAsync(WindowKey key, string partition, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(BlobNames.PartitionWindow(key, partition));
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken);
            var summary = WindowSummarySerializer.Deserialize(download.Value.Content.ToMemory().Span);
            var lastSequence = download.Value.Details.Metadata.TryGetValue(LastSequenceMetadata, out var text)
                && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new FormatException($"Window blob {blob.Name} has no valid '{LastSequenceMetadata}' metadata.");
            return new StoredWindow(summary, lastSequence, download.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> TryWriteAsync(WindowKey key, string partition, StoredWindow window, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var blob = container.GetBlobClient(BlobNames.PartitionWindow(key, partition));
        var options = new BlobUploadOptions
        {
            Conditions = expectedETag is null
                ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                : new BlobRequestConditions { IfMatch = new ETag(expectedETag) },
            Metadata = new Dictionary<string, string>
            {
                [LastSequenceMetadata] = window.LastSequenceNumber.ToString(CultureInfo.InvariantCulture),
                [EventCountMetadata] = window.Summary.EventCount.ToString(CultureInfo.InvariantCulture),
            },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = "gzip" },
        };
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(WindowSummarySerializer.Serialize(window.Summary)), options, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }
}
