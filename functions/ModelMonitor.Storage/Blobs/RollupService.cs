using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Summaries.Serialization;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Storage.Blobs;

/// <summary>
/// Merges finer summaries into hourly (from base windows of all partitions) and daily (from hourly roll-ups)
/// summaries. Each roll-up records a fingerprint of its sources' names and ETags, so a re-run rewrites only
/// the roll-ups whose sources changed (late events) and is otherwise free of writes.
/// </summary>
public sealed class RollupService(BlobContainerClient windows, SummaryReader reader, TimeProvider timeProvider)
{
    public const string SourcesMetadata = "sources";

    public async Task<RollupResult> RunAsync(Granularity target, TimeSpan lookback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target != Granularity.Hour && target != Granularity.Day)
        {
            throw new ArgumentException("Roll-ups are hourly or daily.", nameof(target));
        }

        var now = timeProvider.GetUtcNow();
        var lastComplete = target.Floor(now) - target.Length;
        var first = target.Floor(now - lookback);
        int written = 0, unchanged = 0, empty = 0;
        await foreach (var model in reader.ListModelVersionsAsync(cancellationToken))
        {
            for (var start = first; start <= lastComplete; start += target.Length)
            {
                switch (await RollUpAsync(new WindowKey(model.ModelId, model.ModelVersion, target, start), cancellationToken))
                {
                    case true:
                        written++;
                        break;
                    case false:
                        unchanged++;
                        break;
                    default:
                        empty++;
                        break;
                }
            }
        }

        return new RollupResult(written, unchanged, empty);
    }

    /// <summary>True when written, false when already up to date, null when there were no sources.</summary>
    public async Task<bool?> RollUpAsync(WindowKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var sourceTier = key.Granularity == Granularity.Day ? Granularity.Hour.Name : reader.BaseGranularity.Name;
        var sources = new List<WindowBlobInfo>();
        await foreach (var blob in reader.ListWindowBlobsAsync(BlobNames.SpanPrefix(sourceTier, key.ModelId, key.ModelVersion, key.WindowStart, key.Granularity), cancellationToken))
        {
            if (blob.Parts.WindowStart >= key.WindowStart && blob.Parts.WindowStart < key.WindowEnd
                && (key.Granularity == Granularity.Day ? blob.Parts.IsRollup : !blob.Parts.IsRollup))
            {
                sources.Add(blob);
            }
        }

        if (sources.Count == 0)
        {
            return null;
        }

        var fingerprint = SourceFingerprint.Of(sources);
        var target = windows.GetBlobClient(BlobNames.Rollup(key));
        try
        {
            var properties = await target.GetPropertiesAsync(cancellationToken: cancellationToken);
            if (properties.Value.Metadata.TryGetValue(SourcesMetadata, out var existing) && existing == fingerprint)
            {
                return false;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }

        var merged = new WindowSummary(key.ModelId, key.ModelVersion, key.WindowStart, key.WindowEnd);
        foreach (var source in sources)
        {
            if (await reader.ReadBlobAsync(source.Name, cancellationToken) is { } summary)
            {
                merged.Merge(summary);
            }
        }

        await target.UploadAsync(
            BinaryData.FromBytes(WindowSummarySerializer.Serialize(merged)),
            new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string> { [SourcesMetadata] = fingerprint },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = "gzip" },
            },
            cancellationToken);
        return true;
    }
}
