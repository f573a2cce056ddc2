using System.ComponentModel.DataAnnotations;

namespace ModelMonitor.Storage.Configuration;

/// <summary>
/// Roll-up settings, section <c>Rollup</c>. The timers' schedules are flat app settings
/// (<c>RollupHourlySchedule</c>, <c>RollupDailySchedule</c>) because binding expressions cannot resolve
/// names containing "__".
/// </summary>
public sealed class RollupOptions
{
    public const string SectionName = "Rollup";

    /// <summary>How far back roll-ups are refreshed when late events changed their sources. <value>Default 48.</value></summary>
    [Range(1, 24 * 31)]
    public int LookbackHours { get; set; } = 48;

    /// <summary>
    /// How far back, in days, roll-ups are checked against their source windows and rebuilt when a window changed since
    /// the roll-up was written (outcomes arriving days after their predictions). One listing per tier and day, so a
    /// week costs little. Keep it below the base windows' retention (14 days by default). <value>Default 7.</value>
    /// </summary>
    [Range(1, 31)]
    public int LabelLookbackDays { get; set; } = 7;
}
