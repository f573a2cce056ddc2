using System.Globalization;
using System.Text;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// Something about a model's window that a person should look at. A record only: storing and sending alerts is the
/// sink's job; <see cref="DedupKey"/> lets it store each alert once however often a window is re-evaluated.
/// </summary>
/// <remarks>
/// Record equality compares <see cref="Evidence"/> by reference; compare <see cref="DedupKey"/> for identity.
/// </remarks>
public sealed record MonitorAlert
{
    /// <param name="kind">One of <see cref="AlertKind"/>.</param>
    /// <param name="subkind">Data quality: a <see cref="DataQualitySubkind"/>; model quality: a <see cref="ModelQualityMetric"/>;
    /// null for drift kinds (the deciding method depends on the reference size, so it is kept out of the key).</param>
    /// <param name="modelId">Model.</param>
    /// <param name="modelVersion">Model version.</param>
    /// <param name="feature">The feature; for per-class model quality the class; null for model-level alerts.</param>
    /// <param name="severity">How urgent.</param>
    /// <param name="windowStart">Start of the evaluated (current) window.</param>
    /// <param name="windowEnd">End of the evaluated window; not before the start.</param>
    /// <param name="evidence">Numbers behind the alert (statistic, pValue, threshold, n, …); finite or null; copied.</param>
    /// <param name="message">One human-readable sentence; optional.</param>
    public MonitorAlert(
        string kind,
        string? subkind,
        string modelId,
        string modelVersion,
        string? feature,
        Severity severity,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd,
        IReadOnlyDictionary<string, double?> evidence,
        string? message = null)
    {
        if (!AlertKind.All.Contains(kind))
        {
            throw new ArgumentException($"Unknown alert kind '{kind}'.", nameof(kind));
        }

        ArgumentException.ThrowIfNullOrEmpty(modelId);
        ArgumentException.ThrowIfNullOrEmpty(modelVersion);
        if (!Enum.IsDefined(severity))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity.");
        }

        if (windowEnd < windowStart)
        {
            throw new ArgumentException($"Window end {windowEnd:O} is before its start {windowStart:O}.", nameof(windowEnd));
        }

        Kind = kind;
        Subkind = subkind;
        ModelId = modelId;
        ModelVersion = modelVersion;
        Feature = feature;
        Severity = severity;
        WindowStart = windowStart;
        WindowEnd = windowEnd;
        Evidence = Checks.Evidence.Snapshot(evidence);
        Message = message;
        ConditionKey = string.Join(
            '|',
            Escape(kind),
            Escape(subkind ?? string.Empty),
            Escape(modelId),
            Escape(modelVersion),
            Escape(feature ?? string.Empty));
        DedupKey = ConditionKey + "|" + windowStart.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }

    public string Kind { get; }

    public string? Subkind { get; }

    public string ModelId { get; }

    public string ModelVersion { get; }

    public string? Feature { get; }

    public Severity Severity { get; }

    public DateTimeOffset WindowStart { get; }

    public DateTimeOffset WindowEnd { get; }

    public IReadOnlyDictionary<string, double?> Evidence { get; }

    public string? Message { get; }

    /// <summary>
    /// kind|subkind|model|version|feature|windowStart (UTC, ISO 8601 with 7 fractional digits): the same alert of the
    /// same window always gets the same key. Components are percent-encoded where they contain '%', '|', '/', '\\',
    /// '#', '?' or control characters, so the key is unambiguous and usable as an Azure Table row key.
    /// </summary>
    public string DedupKey { get; }

    /// <summary>
    /// kind|subkind|model|version|feature, escaped as in <see cref="DedupKey"/> but without the window: the identity of
    /// the condition, so the same condition in a base window and in its hour is one alert episode.
    /// </summary>
    public string ConditionKey { get; }

    private static string Escape(string component)
    {
        if (!component.Any(NeedsEscape))
        {
            return component;
        }

        var builder = new StringBuilder(component.Length + 8);
        foreach (char c in component)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => c is '%' or '|' or '/' or '\\' or '#' or '?' || char.IsControl(c);
}
