using System.ComponentModel.DataAnnotations;

namespace ModelMonitor.Storage.Configuration;

/// <summary>
/// Check settings, section <c>Checks</c>. The timer's schedule is the flat app setting <c>ChecksSchedule</c>
/// (default every 15 minutes) because binding expressions cannot resolve names containing "__".
/// </summary>
public sealed class ChecksOptions
{
    public const string SectionName = "Checks";

    /// <summary>
    /// How far back completed windows are (re-)evaluated when their data changed, e.g. when late labels arrive.
    /// <value>Default 48.</value>
    /// </summary>
    [Range(1, 24 * 31)]
    public int LookbackHours { get; set; } = 48;
}
