using System.Text.Json.Serialization;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// The usage-swing rules: hourly (the last complete hour against the same hour in earlier weeks, or on earlier days
/// with less than a week of history) and weekly (the last 7 days against the weeks before), per metric.
/// </summary>
public sealed record UsageSwingPolicy
{
    [JsonConstructor]
    public UsageSwingPolicy(
        bool enabled = true,
        double hourlyThreshold = 0.30,
        double weeklyThreshold = 0.15,
        int persistHours = 2,
        double hugeChange = 0.8,
        int baselineWeeks = 4,
        MetricSwingPolicy? requests = null,
        MetricSwingPolicy? latency = null,
        MetricSwingPolicy? errors = null,
        MetricSwingPolicy? cpu = null,
        MetricSwingPolicy? memory = null)
    {
        Enabled = enabled;
        HourlyThreshold = PolicyGuard.Positive(hourlyThreshold, nameof(hourlyThreshold));
        WeeklyThreshold = PolicyGuard.Positive(weeklyThreshold, nameof(weeklyThreshold));
        PersistHours = PolicyGuard.Range(persistHours, 1, 24, nameof(persistHours));
        HugeChange = PolicyGuard.Positive(hugeChange, nameof(hugeChange));
        if (HugeChange < HourlyThreshold)
        {
            throw new ArgumentOutOfRangeException(nameof(hugeChange), hugeChange, "Must not be below the hourly threshold.");
        }

        BaselineWeeks = PolicyGuard.Range(baselineWeeks, 1, 8, nameof(baselineWeeks));
        Requests = requests ?? new MetricSwingPolicy();
        Latency = latency ?? new MetricSwingPolicy(direction: SwingDirection.Rise);
        // Off by default: the error-rate check judges errors with a proper test, and the two would page twice for one spike.
        Errors = errors ?? new MetricSwingPolicy(enabled: false, direction: SwingDirection.Rise, minimumHourlyVolume: 20, minimumWeeklyVolume: 200);
        Cpu = cpu ?? new MetricSwingPolicy(direction: SwingDirection.Rise);
        Memory = memory ?? new MetricSwingPolicy(direction: SwingDirection.Rise);
    }

    /// <value>Default true.</value>
    public bool Enabled { get; }

    /// <summary>Relative change of the hourly rule (0.30 = ±30%).</summary>
    /// <value>Default 0.30.</value>
    public double HourlyThreshold { get; }

    /// <summary>Relative change of the weekly rule.</summary>
    /// <value>Default 0.15.</value>
    public double WeeklyThreshold { get; }

    /// <summary>Consecutive hours (ending with the last complete one) that must all swing the same way.</summary>
    /// <value>Default 2.</value>
    public int PersistHours { get; }

    /// <summary>A change at least this large fires from one hour (no persistence needed).</summary>
    /// <value>Default 0.8 (±80%).</value>
    public double HugeChange { get; }

    /// <summary>Weeks of the same hour (or of earlier 7-day totals) whose median is the baseline.</summary>
    /// <value>Default 4.</value>
    public int BaselineWeeks { get; }

    public MetricSwingPolicy Requests { get; }

    /// <value>Default: rises only.</value>
    public MetricSwingPolicy Latency { get; }

    /// <value>Default: off (see <see cref="ErrorRatePolicy"/>); when on, rises only, volumes counted in errors (20 an hour, 200 a week).</value>
    public MetricSwingPolicy Errors { get; }

    /// <value>Default: rises only.</value>
    public MetricSwingPolicy Cpu { get; }

    /// <value>Default: rises only.</value>
    public MetricSwingPolicy Memory { get; }

    /// <summary>The settings of one metric.</summary>
    public MetricSwingPolicy For(ServingMetric metric) => metric switch
    {
        ServingMetric.Requests => Requests,
        ServingMetric.Latency => Latency,
        ServingMetric.Errors => Errors,
        ServingMetric.Cpu => Cpu,
        ServingMetric.Memory => Memory,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };
}
