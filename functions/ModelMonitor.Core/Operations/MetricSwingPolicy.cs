using System.Text.Json.Serialization;

namespace ModelMonitor.Core.Operations;

/// <summary>Usage-swing settings of one serving metric; JSON <c>{"enabled","direction","minimumHourlyVolume","minimumWeeklyVolume"}</c>.</summary>
/// <remarks>
/// Volume is counted in requests, except for <see cref="ServingMetric.Errors"/> where it is counted in errors: below it
/// on both sides of a comparison nothing fires (a 30% swing of 10 requests is noise).
/// </remarks>
public sealed record MetricSwingPolicy
{
    [JsonConstructor]
    public MetricSwingPolicy(bool enabled = true, SwingDirection direction = SwingDirection.Both, long minimumHourlyVolume = 100, long minimumWeeklyVolume = 5000)
    {
        Enabled = enabled;
        Direction = PolicyGuard.Defined(direction, nameof(direction));
        MinimumHourlyVolume = PolicyGuard.NonNegative(minimumHourlyVolume, nameof(minimumHourlyVolume));
        MinimumWeeklyVolume = PolicyGuard.NonNegative(minimumWeeklyVolume, nameof(minimumWeeklyVolume));
    }

    /// <value>Default true.</value>
    public bool Enabled { get; }

    /// <value>Default <see cref="SwingDirection.Both"/>.</value>
    public SwingDirection Direction { get; }

    /// <value>Default 100 (requests, or errors for the errors metric) in the hour.</value>
    public long MinimumHourlyVolume { get; }

    /// <value>Default 5000 in the week.</value>
    public long MinimumWeeklyVolume { get; }
}
