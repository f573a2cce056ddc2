using System.ComponentModel.DataAnnotations;

namespace ModelMonitor.Storage.Configuration;

/// <summary>Roll-up timers, section <c>Rollup</c>.</summary>
public sealed class RollupOptions
{
    public const string SectionName = "Rollup";

    /// <summary>NCRONTAB of the hourly roll-up timer. <value>Default "0 5 * * * *" (five past every hour).</value></summary>
    [Required]
    public string HourlySchedule { get; set; } = "0 5 * * * *";

    /// <summary>NCRONTAB of the daily roll-up timer. <value>Default "0 15 0 * * *".</value></summary>
    [Required]
    public string DailySchedule { get; set; } = "0 15 0 * * *";

    /// <summary>How far back roll-ups are refreshed when late events changed their sources. <value>Default 48.</value></summary>
    [Range(1, 24 * 31)]
    public int LookbackHours { get; set; } = 48;
}
