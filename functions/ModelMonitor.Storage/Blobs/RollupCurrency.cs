using System.Globalization;

namespace ModelMonitor.Storage.Blobs;

/// <summary>
/// Whether a roll-up is current with respect to the base windows it covers. A roll-up records, in its metadata, the
/// <see cref="SourceFingerprint"/> of those windows (<see cref="SourcesMetadata"/>) and the latest last-modified time
/// among them (<see cref="SourcesModifiedMetadata"/>). It is current when the windows are exactly those it was built
/// from, or when the only difference is windows that were deleted (retention) and none was written since: a window
/// rewritten by a late event or label, or a new partition's window, makes it stale.
/// </summary>
/// <remarks>
/// Listed last-modified times have one-second resolution, so a window rewritten in the same second as the newest source
/// the roll-up read looks no newer. The roll-up therefore also records the fingerprint of its newest sources (those
/// modified in that last second, <see cref="SourcesEdgeMetadata"/>): a rewrite in that second changes it, a deletion of
/// older windows does not. <see cref="RollupService"/> decides rebuilds on the exact fingerprint alone.
/// </remarks>
public static class RollupCurrency
{
    /// <summary>Metadata: fingerprint of the base windows the roll-up merged.</summary>
    public const string SourcesMetadata = "sources";

    /// <summary>Metadata: the latest last-modified time of those windows, in UTC ticks.</summary>
    public const string SourcesModifiedMetadata = "sourcesmodified";

    /// <summary>Metadata: fingerprint of the sources modified at exactly <see cref="SourcesModifiedMetadata"/>.</summary>
    public const string SourcesEdgeMetadata = "sourcesedge";

    /// <summary>True when the roll-up with <paramref name="metadata"/> may stand in for the base windows <paramref name="sources"/> listed now.</summary>
    public static bool IsCurrent(IDictionary<string, string> metadata, IReadOnlyCollection<WindowBlobInfo> sources)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0 || IsExact(metadata, sources))
        {
            // No base window left (past their retention) leaves the roll-up as the only record.
            return true;
        }

        return metadata.TryGetValue(SourcesModifiedMetadata, out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && metadata.TryGetValue(SourcesEdgeMetadata, out var edge)
            && sources.All(s => s.LastModified is { } modified && modified.UtcTicks <= ticks)
            && edge == SourceFingerprint.Of(sources.Where(s => s.LastModified!.Value.UtcTicks == ticks));
    }

    /// <summary>True when the roll-up was built from exactly <paramref name="sources"/> (names and ETags).</summary>
    public static bool IsExact(IDictionary<string, string>? metadata, IReadOnlyCollection<WindowBlobInfo> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return metadata is not null && metadata.TryGetValue(SourcesMetadata, out var fingerprint) && fingerprint == SourceFingerprint.Of(sources);
    }

    /// <summary>The metadata a roll-up built from <paramref name="sources"/> records.</summary>
    public static Dictionary<string, string> MetadataFor(IReadOnlyCollection<WindowBlobInfo> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var metadata = new Dictionary<string, string> { [SourcesMetadata] = SourceFingerprint.Of(sources) };
        if (sources.Count > 0 && sources.All(s => s.LastModified is not null))
        {
            var newest = sources.Max(s => s.LastModified!.Value.UtcTicks);
            metadata[SourcesModifiedMetadata] = newest.ToString(CultureInfo.InvariantCulture);
            metadata[SourcesEdgeMetadata] = SourceFingerprint.Of(sources.Where(s => s.LastModified!.Value.UtcTicks == newest));
        }

        return metadata;
    }
}
