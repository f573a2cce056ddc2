using System.Globalization;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Storage.Blobs;

/// <summary>
/// The blob layout. Granularity comes first so lifecycle rules (which match name prefixes) can keep
/// each tier for its own retention:
/// <c>windows/{granularity}/{modelId}/{modelVersion}/{yyyyMMddTHHmmZ}/p{partition}</c> for partition windows and
/// <c>windows/{granularity}/{modelId}/{modelVersion}/{yyyyMMddTHHmmZ}/rollup</c> for roll-ups.
/// </summary>
public static class BlobNames
{
    public const string WindowsContainer = "windows";
    public const string DeadLettersContainer = "deadletters";
    public const string ReferencesContainer = "references";
    public const string CheckResultsContainer = "checkresults";
    public const string RollupLeaf = "rollup";
    public const string TimeFormat = "yyyyMMdd'T'HHmm'Z'";

    public static string WindowPrefix(string granularity, string modelId, string modelVersion, DateTimeOffset windowStart) =>
        $"{granularity}/{modelId}/{modelVersion}/{FormatTime(windowStart)}/";

    /// <summary>
    /// Prefix shared by every blob of a tier whose window starts within the hour (or day) beginning at
    /// <paramref name="start"/>: the time format's leading yyyyMMddTHH (or yyyyMMdd), so one listing finds them all.
    /// </summary>
    public static string SpanPrefix(string granularity, string modelId, string modelVersion, DateTimeOffset start, Granularity span) =>
        $"{granularity}/{modelId}/{modelVersion}/{FormatTime(start)[..(span == Granularity.Day ? 8 : 11)]}";

    public static string PartitionWindow(WindowKey key, string partition) =>
        WindowPrefix(key.Granularity.Name, key.ModelId, key.ModelVersion, key.WindowStart) + "p" + partition;

    public static string Rollup(WindowKey key) =>
        WindowPrefix(key.Granularity.Name, key.ModelId, key.ModelVersion, key.WindowStart) + RollupLeaf;

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static bool TryParseTime(string text, out DateTimeOffset time)
    {
        var ok = DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed);
        time = ok ? new DateTimeOffset(parsed, TimeSpan.Zero) : default;
        return ok;
    }

    /// <summary>Splits a window blob name into its parts; false for names outside the layout.</summary>
    public static bool TryParseWindow(string name, out WindowBlobName parsed)
    {
        parsed = default;
        var parts = name.Split('/');
        if (parts.Length != 5 || !Granularity.TryParse(parts[0], out var granularity) || !TryParseTime(parts[3], out var start))
        {
            return false;
        }

        parsed = new WindowBlobName(granularity!, parts[1], parts[2], start, parts[4]);
        return true;
    }
}
