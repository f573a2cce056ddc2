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
/// hourly roll-ups, the rest from base windows (all partitions); a roll-up that is missing, or stale because a base
/// window changed after it was written (a late outcome, say: <see cref="RollupCurrency"/>), falls back to the finer tier.
/// Each whole day or hour costs one listing of its base windows beside the roll-up's read, done concurrently.
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
                yield return new WindowBlobInfo(item.Name, parts, item.Properties.ETag?.ToString() ?? string.Empty, item.Properties.LastModified);
            }
        }
    }

    /// <exception cref="CorruptBlobException">The blob exists but is not a readable summary; names the blob.</exception>
    public async Task<WindowSummary?> ReadBlobAsync(string name, CancellationToken cancellationToken = default) =>
        (await ReadBlobWithMetadataAsync(name, cancellationToken))?.Summary;

    /// <summary>A summary with its blob's metadata (a roll-up's record of its sources), or null when the blob does not exist.</summary>
    /// <exception cref="CorruptBlobException">The blob exists but is not a readable summary; names the blob.</exception>
    public async Task<(WindowSummary Summary, IDictionary<string, string> Metadata)?> ReadBlobWithMetadataAsync(string name, CancellationToken cancellationToken = default)
    {
        BlobDownloadResult content;
        try
        {
            content = (await windows.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        try
        {
            return (WindowSummarySerializer.Deserialize(content.Content.ToMemory().Span), content.Details.Metadata);
        }
        catch (FormatException ex)
        {
            throw new CorruptBlobException($"{windows.Name}/{name}", ex);
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
            if (Granularity.Day.Floor(cursor) == cursor && cursor + Granularity.Day.Length <= to)
            {
                // One listing of the day's base windows tells whether the daily roll-up, else each hourly one, is current.
                var (sources, day) = await SourcesAndRollupAsync(new WindowKey(modelId, version, Granularity.Day, cursor), cancellationToken);
                if (day is not null)
                {
                    parts.Add(day);
                }
                else
                {
                    for (var hour = cursor; hour < cursor + Granularity.Day.Length; hour += Granularity.Hour.Length)
                    {
                        var end = hour + Granularity.Hour.Length;
                        parts.AddRange(await ReadHourAsync(modelId, version, hour, [.. sources.Where(b => b.Parts.WindowStart >= hour && b.Parts.WindowStart < end)], cancellationToken));
                    }
                }

                cursor += Granularity.Day.Length;
                continue;
            }

            if (Granularity.Hour.Floor(cursor) == cursor && cursor + Granularity.Hour.Length <= to && BaseGranularity.Length < Granularity.Hour.Length)
            {
                var (sources, hour) = await SourcesAndRollupAsync(new WindowKey(modelId, version, Granularity.Hour, cursor), cancellationToken);
                parts.AddRange(hour is not null ? [hour] : await ReadAllAsync(sources, cancellationToken));
                cursor += Granularity.Hour.Length;
                continue;
            }

            // Part of an hour: the base windows up to the next hour boundary, with one listing.
            var next = Granularity.Hour.Floor(cursor) + Granularity.Hour.Length;
            var stop = next < to ? next : to;
            var start = cursor;
            var windows = await ListBaseWindowsAsync(modelId, version, cursor, Granularity.Hour, cancellationToken);
            parts.AddRange(await ReadAllAsync([.. windows.Where(b => b.Parts.WindowStart >= start && b.Parts.WindowStart < stop)], cancellationToken));
            cursor = stop;
        }

        return parts;
    }

    /// <summary>The base windows (all partitions) whose start lies in the hour or day beginning at <paramref name="start"/>.</summary>
    public async Task<List<WindowBlobInfo>> ListBaseWindowsAsync(string modelId, string modelVersion, DateTimeOffset start, Granularity span, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(span);
        var end = start + span.Length;
        var windows = new List<WindowBlobInfo>();
        await foreach (var blob in ListWindowBlobsAsync(BlobNames.SpanPrefix(BaseGranularity.Name, modelId, modelVersion, start, span), cancellationToken))
        {
            if (!blob.Parts.IsRollup && blob.Parts.WindowStart >= start && blob.Parts.WindowStart < end)
            {
                windows.Add(blob);
            }
        }

        return windows;
    }

    /// <summary>
    /// The base windows of a roll-up's span and the roll-up itself when it is current with respect to them
    /// (<see cref="RollupCurrency"/>); null when it is missing or stale, so the caller reads finer data instead.
    /// </summary>
    public async Task<(List<WindowBlobInfo> Sources, WindowSummary? Rollup)> SourcesAndRollupAsync(WindowKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var listing = ListBaseWindowsAsync(key.ModelId, key.ModelVersion, key.WindowStart, key.Granularity, cancellationToken);
        var rollup = ReadBlobWithMetadataAsync(BlobNames.Rollup(key), cancellationToken);
        await Task.WhenAll(listing, rollup);
        var sources = await listing;
        return (await rollup) is { } found && RollupCurrency.IsCurrent(found.Metadata, sources) ? (sources, found.Summary) : (sources, null);
    }

    // One hour of a day whose roll-up is missing or stale: its hourly roll-up when current, else its base windows.
    private async Task<List<WindowSummary>> ReadHourAsync(string modelId, string version, DateTimeOffset hour, List<WindowBlobInfo> sources, CancellationToken cancellationToken)
    {
        if (BaseGranularity.Length < Granularity.Hour.Length
            && await ReadBlobWithMetadataAsync(BlobNames.Rollup(new WindowKey(modelId, version, Granularity.Hour, hour)), cancellationToken) is { } rollup
            && RollupCurrency.IsCurrent(rollup.Metadata, sources))
        {
            return [rollup.Summary];
        }

        return await ReadAllAsync(sources, cancellationToken);
    }

    private async Task<List<WindowSummary>> ReadAllAsync(List<WindowBlobInfo> blobs, CancellationToken cancellationToken)
    {
        var parts = new List<WindowSummary>(blobs.Count);
        foreach (var blob in blobs)
        {
            if (await ReadBlobAsync(blob.Name, cancellationToken) is { } window)
            {
                parts.Add(window);
            }
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
