using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Summaries.Serialization;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Storage.Blobs;

/// <summary>
/// Merges base windows (all partitions) into hourly and daily summaries. Each roll-up records which base windows it
/// covers (<see cref="RollupCurrency"/>: their fingerprint and latest last-modified time), so a run rewrites exactly the
/// roll-ups whose base windows changed since they were written (late events, outcomes arriving days later) and is
/// otherwise free of writes. A daily roll-up merges the day's hourly roll-ups that are current and the base windows of
/// the other hours, so a stale hourly roll-up never reaches the day.
/// </summary>
public sealed class RollupService(BlobContainerClient windows, SummaryReader reader, TimeProvider timeProvider)
{
    public const string SourcesMetadata = RollupCurrency.SourcesMetadata;

    /// <summary>
    /// Rolls up every complete <paramref name="target"/> window of every model version that starts within
    /// <paramref name="lookback"/>. Per version and day: one listing of the base windows and one of the roll-ups
    /// (with their metadata), then reads and a write only for the roll-ups that are missing or stale.
    /// </summary>
    public async Task<RollupResult> RunAsync(Granularity target, TimeSpan lookback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        RequireTier(target);
        var now = timeProvider.GetUtcNow();
        var lastComplete = target.Floor(now) - target.Length;
        var first = target.Floor(now - lookback);
        int written = 0, unchanged = 0, empty = 0;
        await foreach (var model in reader.ListModelVersionsAsync(cancellationToken))
        {
            for (var day = Granularity.Day.Floor(first); day <= lastComplete; day += Granularity.Day.Length)
            {
                var sources = await reader.ListBaseWindowsAsync(model.ModelId, model.ModelVersion, day, Granularity.Day, cancellationToken);
                var existing = await RollupMetadataAsync(target, model, day, cancellationToken);
                for (var start = day; start < day + Granularity.Day.Length; start += target.Length)
                {
                    if (start < first || start > lastComplete)
                    {
                        continue;
                    }

                    var key = new WindowKey(model.ModelId, model.ModelVersion, target, start);
                    var own = Within(sources, key);
                    if (own.Count == 0)
                    {
                        empty++;
                    }
                    else if (RollupCurrency.IsExact(existing.GetValueOrDefault(start), own))
                    {
                        unchanged++;
                    }
                    else
                    {
                        await WriteAsync(key, own, cancellationToken);
                        written++;
                    }
                }
            }
        }

        return new RollupResult(written, unchanged, empty);
    }

    /// <summary>True when written, false when already up to date, null when there were no sources.</summary>
    public async Task<bool?> RollUpAsync(WindowKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequireTier(key.Granularity);
        var sources = await reader.ListBaseWindowsAsync(key.ModelId, key.ModelVersion, key.WindowStart, key.Granularity, cancellationToken);
        if (sources.Count == 0)
        {
            return null;
        }

        var existing = await RollupMetadataAsync(key.Granularity, new ModelVersionRef(key.ModelId, key.ModelVersion), Granularity.Day.Floor(key.WindowStart), cancellationToken);
        if (RollupCurrency.IsExact(existing.GetValueOrDefault(key.WindowStart), sources))
        {
            return false;
        }

        await WriteAsync(key, sources, cancellationToken);
        return true;
    }

    private async Task WriteAsync(WindowKey key, List<WindowBlobInfo> sources, CancellationToken cancellationToken)
    {
        var merged = new WindowSummary(key.ModelId, key.ModelVersion, key.WindowStart, key.WindowEnd);
        if (key.Granularity == Granularity.Day)
        {
            for (var hour = key.WindowStart; hour < key.WindowEnd; hour += Granularity.Hour.Length)
            {
                var hourKey = new WindowKey(key.ModelId, key.ModelVersion, Granularity.Hour, hour);
                var own = Within(sources, hourKey);
                if (own.Count > 0)
                {
                    await MergeHourAsync(merged, hourKey, own, cancellationToken);
                }
            }
        }
        else
        {
            await MergeAllAsync(merged, sources, cancellationToken);
        }

        await windows.GetBlobClient(BlobNames.Rollup(key)).UploadAsync(
            BinaryData.FromBytes(WindowSummarySerializer.Serialize(merged)),
            new BlobUploadOptions
            {
                Metadata = RollupCurrency.MetadataFor(sources),
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = "gzip" },
            },
            cancellationToken);
    }

    // The hour's roll-up only when it was built from exactly these windows: anything else re-reads the windows.
    private async Task MergeHourAsync(WindowSummary merged, WindowKey hour, List<WindowBlobInfo> sources, CancellationToken cancellationToken)
    {
        if (reader.BaseGranularity.Length < Granularity.Hour.Length
            && await reader.ReadBlobWithMetadataAsync(BlobNames.Rollup(hour), cancellationToken) is { } rollup
            && RollupCurrency.IsExact(rollup.Metadata, sources))
        {
            merged.Merge(rollup.Summary);
            return;
        }

        await MergeAllAsync(merged, sources, cancellationToken);
    }

    private async Task MergeAllAsync(WindowSummary merged, List<WindowBlobInfo> sources, CancellationToken cancellationToken)
    {
        foreach (var source in sources)
        {
            if (await reader.ReadBlobAsync(source.Name, cancellationToken) is { } summary)
            {
                merged.Merge(summary);
            }
        }
    }

    /// <summary>The metadata of the <paramref name="tier"/> roll-ups of one version whose windows start on <paramref name="day"/>, by window start.</summary>
    private async Task<Dictionary<DateTimeOffset, IDictionary<string, string>>> RollupMetadataAsync(
        Granularity tier, ModelVersionRef model, DateTimeOffset day, CancellationToken cancellationToken)
    {
        var found = new Dictionary<DateTimeOffset, IDictionary<string, string>>();
        var prefix = BlobNames.SpanPrefix(tier.Name, model.ModelId, model.ModelVersion, day, Granularity.Day);
        await foreach (var item in windows.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix, Traits = BlobTraits.Metadata }, cancellationToken))
        {
            if (BlobNames.TryParseWindow(item.Name, out var parts) && parts.IsRollup)
            {
                found[parts.WindowStart] = item.Metadata;
            }
        }

        return found;
    }

    private static List<WindowBlobInfo> Within(List<WindowBlobInfo> sources, WindowKey key) =>
        [.. sources.Where(s => s.Parts.WindowStart >= key.WindowStart && s.Parts.WindowStart < key.WindowEnd)];

    private static void RequireTier(Granularity target)
    {
        if (target != Granularity.Hour && target != Granularity.Day)
        {
            throw new ArgumentException("Roll-ups are hourly or daily.", nameof(target));
        }
    }
}
