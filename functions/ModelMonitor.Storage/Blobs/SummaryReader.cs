using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Summaries.Serialization;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Storage.Blobs;

/// <summary>
/// Reads and merges window summaries over a time range. Whole days come from daily roll-ups, whole hours from
/// hourly roll-ups, the rest from base windows (all partitions); a missing roll-up falls back to the finer tier.
/// </summary>
public sealed class SummaryReader(BlobContainerClient windows, Granularity baseGranularity)
{
    public Granularity BaseGranularity { get; } = baseGranularity;

    public async IAsyncEnumerable<ModelVersionRef> ListModelVersionsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var model in ListChildrenAsync($"{BaseGranularity.Name}/", cancellationToken))
        {
            await foreach (var version in ListChildrenAsync($"{BaseGranularity.Name}/{model}/", cancellationToken))
            {
                yield return new ModelVersionRef(model, version);
            }
        }
    }

    /// <summary>Window blobs of one tier whose names start with <paramref name="prefix"/> (e.g. a model, version and day).</summary>
    public async IAsyncEnumerable<WindowBlobInfo> ListWindowBlobsAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in windows.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            if (BlobNames.TryParseWindow(item.Name, out var parts))
            {
                yield return new WindowBlobInfo(item.Name, parts, item.Properties.ETag?.ToString() ?? string.Empty);
            }
        }
    }

    public async Task<WindowSummary?> ReadBlobAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await windows.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return WindowSummarySerializer.Deserialize(content.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// The merged summary of a model (one version, or all when <paramref name="modelVersion"/> is null) over [from, to),
    /// or null when nothing was stored in the range. Bounds are floored to base windows.
    /// </summary>
    public async Task<WindowSummary?> ReadRangeAsync(string modelId, string? modelVersion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var versions = new List<string>();
        if (modelVersion is not null)
        {
            versions.Add(modelVersion);
        }
        else
        {
            await foreach (var version in ListChildrenAsync($"{BaseGranularity.Name}/{modelId}/", cancellationToken))
            {
                versions.Add(version);
            }
        }

        WindowSummary? merged = null;
        foreach (var version in versions)
        {
            foreach (var part in await ReadVersionRangeAsync(modelId, version, BaseGranularity.Floor(from), BaseGranularity.Floor(to), cancellationToken))
            {
                if (merged is null)
                {
                    merged = part;
                }
                else
                {
                    merged.Merge(part);
                }
            }
        }

        return merged;
    }

    private async Task<List<WindowSummary>> ReadVersionRangeAsync(string modelId, string version, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var parts = new List<WindowSummary>();
        var cursor = from;
        while (cursor < to)
        {
            if (Granularity.Day.Floor(cursor) == cursor && cursor + Granularity.Day.Length <= to
                && await ReadBlobAsync(BlobNames.Rollup(new WindowKey(modelId, version, Granularity.Day, cursor)), cancellationToken) is { } day)
            {
                parts.Add(day);
                cursor += Granularity.Day.Length;
                continue;
            }

            if (Granularity.Hour.Floor(cursor) == cursor && cursor + Granularity.Hour.Length <= to && BaseGranularity.Length < Granularity.Hour.Length
                && await ReadBlobAsync(BlobNames.Rollup(new WindowKey(modelId, version, Granularity.Hour, cursor)), cancellationToken) is { } hour)
            {
                parts.Add(hour);
                cursor += Granularity.Hour.Length;
                continue;
            }

            // No roll-up: read the base windows up to the next hour boundary with one listing.
            var next = Granularity.Hour.Floor(cursor) + Granularity.Hour.Length;
            var end = next < to ? next : to;
            var prefix = BlobNames.SpanPrefix(BaseGranularity.Name, modelId, version, cursor, Granularity.Hour);
            await foreach (var blob in ListWindowBlobsAsync(prefix, cancellationToken))
            {
                if (!blob.Parts.IsRollup && blob.Parts.WindowStart >= cursor && blob.Parts.WindowStart < end
                    && await ReadBlobAsync(blob.Name, cancellationToken) is { } window)
                {
                    parts.Add(window);
                }
            }

            cursor = end;
        }

        return parts;
    }

    private async IAsyncEnumerable<string> ListChildrenAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in windows.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Delimiter = "/", Prefix = prefix }, cancellationToken))
        {
            if (item.IsPrefix)
            {
                yield return item.Prefix[prefix.Length..].TrimEnd('/');
            }
        }
    }
}
