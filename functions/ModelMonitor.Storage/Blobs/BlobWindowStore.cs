using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Summaries.Serialization;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Storage.Blobs;

/// <summary>
/// Partition window summaries as blobs. The redelivery high-water mark travels in blob metadata so that it
/// is written atomically with the summary; writes are conditional on the ETag read (or last written).
/// A blob that cannot be deserialized is moved to <c>quarantine/{name}/{etag}</c> in the same container, with the
/// reason in its metadata, and the window starts again empty: one bad blob must not stop its partition.
/// </summary>
public sealed class BlobWindowStore(BlobContainerClient container, ILogger? logger = null, Action<QuarantinedWindow>? quarantined = null) : IWindowStore
{
    public const string LastSequenceMetadata = "lastsequence";
    public const string EventCountMetadata = "eventcount";
    public const string QuarantinePrefix = "quarantine/";
    public const string QuarantineReasonMetadata = "reason";
    public const string QuarantineETagMetadata = "originaletag";

    /// <summary>Attempts to move a corrupt blob aside while other writers keep replacing it.</summary>
    private const int MaxQuarantineAttempts = 4;
    private const int MaxReasonLength = 1024;

    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public async Task<StoredWindow?> ReadAsync(WindowKey key, string partition, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(BlobNames.PartitionWindow(key, partition));
        for (var attempt = 0; attempt < MaxQuarantineAttempts; attempt++)
        {
            BlobDownloadResult download;
            try
            {
                download = (await blob.DownloadContentAsync(cancellationToken)).Value;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return null;
            }

            try
            {
                return Decode(blob.Name, download);
            }
            catch (FormatException ex)
            {
                if (await QuarantineAsync(blob, download, ex.Message, cancellationToken))
                {
                    return null;
                }

                // Replaced since we read it: read the new version.
            }
        }

        throw new WriteConflictException($"Window blob {blob.Name} kept changing while it was being moved to quarantine; the batch will be retried.");
    }

    public async Task<bool> TryWriteAsync(WindowKey key, string partition, StoredWindow window, string? expectedETag, CancellationToken cancellationToken = default) =>
        (await WriteAsync(key, partition, window, expectedETag, cancellationToken)).Written;

    public async Task<WindowWriteOutcome> WriteAsync(WindowKey key, string partition, StoredWindow window, string? expectedETag, CancellationToken cancellationToken = default)
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
            var response = await blob.UploadAsync(BinaryData.FromBytes(WindowSummarySerializer.Serialize(window.Summary)), options, cancellationToken);
            return new WindowWriteOutcome(true, response.Value.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            // 404: If-Match on a blob that was deleted (quarantined or expired) since we last wrote it.
            return new WindowWriteOutcome(false, null);
        }
    }

    private static StoredWindow Decode(string name, BlobDownloadResult download)
    {
        var summary = WindowSummarySerializer.Deserialize(download.Content.ToMemory().Span);
        var lastSequence = download.Details.Metadata.TryGetValue(LastSequenceMetadata, out var text)
            && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException($"Window blob {name} has no valid '{LastSequenceMetadata}' metadata.");
        return new StoredWindow(summary, lastSequence, download.Details.ETag.ToString());
    }

    /// <summary>Copies the bytes aside, then deletes the original only if it is still the version read; false when it changed.</summary>
    private async Task<bool> QuarantineAsync(BlobClient blob, BlobDownloadResult download, string reason, CancellationToken cancellationToken)
    {
        var etag = download.Details.ETag;
        var quarantineName = $"{QuarantinePrefix}{blob.Name}/{SafeMetadata(etag.ToString().Trim('"'), 64)}";
        await container.GetBlobClient(quarantineName).UploadAsync(
            download.Content,
            new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string>
                {
                    [QuarantineReasonMetadata] = SafeMetadata(reason, MaxReasonLength),
                    [QuarantineETagMetadata] = SafeMetadata(etag.ToString(), 64),
                },
                HttpHeaders = new BlobHttpHeaders { ContentType = download.Details.ContentType, ContentEncoding = download.Details.ContentEncoding },
            },
            cancellationToken);
        try
        {
            await blob.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, new BlobRequestConditions { IfMatch = etag }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Another reader already moved it aside.
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }

        StorageLog.WindowQuarantined(_logger, blob.Name, quarantineName, reason);
        quarantined?.Invoke(new QuarantinedWindow(blob.Name, quarantineName, reason));
        return true;
    }

    /// <summary>Metadata values are ASCII header values: keep printable ASCII, replace the rest, and cap the length.</summary>
    private static string SafeMetadata(string text, int maxLength)
    {
        var chars = text.Length > maxLength ? text[..maxLength].ToCharArray() : text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is < ' ' or > '~')
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }
}
