namespace ModelMonitor.Core.Lineage;

/// <summary>When a downstream alert counts as caused by an upstream one.</summary>
public sealed record IncidentGroupingOptions
{
    /// <param name="lag">How long after an upstream alert's window starts a downstream alert may start and still be
    /// attributed to it (besides overlapping windows); not negative. Covers the time a failure takes to propagate.</param>
    public IncidentGroupingOptions(TimeSpan? lag = null)
    {
        var value = lag ?? DefaultLag;
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, nameof(lag));
        Lag = value;
    }

    /// <value>Default one hour.</value>
    public static TimeSpan DefaultLag { get; } = TimeSpan.FromHours(1);

    public TimeSpan Lag { get; }
}
