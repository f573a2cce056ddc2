using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Windows;

/// <summary>Identifies one window summary of one model version.</summary>
public sealed record WindowKey
{
    public WindowKey(string modelId, string modelVersion, Granularity granularity, DateTimeOffset windowStart)
    {
        ModelId = Identifiers.RequireValidPathId(modelId, nameof(modelId));
        ModelVersion = Identifiers.RequireValidPathId(modelVersion, nameof(modelVersion));
        Granularity = granularity ?? throw new ArgumentNullException(nameof(granularity));
        if (granularity.Floor(windowStart) != windowStart)
        {
            throw new ArgumentException($"{windowStart:O} is not aligned to {granularity.Name}.", nameof(windowStart));
        }

        WindowStart = windowStart.ToUniversalTime();
    }

    public string ModelId { get; }

    public string ModelVersion { get; }

    public Granularity Granularity { get; }

    public DateTimeOffset WindowStart { get; }

    public DateTimeOffset WindowEnd => WindowStart + Granularity.Length;

    /// <summary>The window of <paramref name="granularity"/> that holds the event's timestamp.</summary>
    public static WindowKey For(MonitoringEvent e, Granularity granularity)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(granularity);
        return new WindowKey(e.ModelId, e.ModelVersion, granularity, granularity.Floor(e.Timestamp));
    }
}
