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

    /// <summary>
    /// How far back, in days, the model-quality check re-evaluates whole days whose outcomes changed: labels that arrive
    /// days after their predictions still reach it. Separate from <see cref="LookbackHours"/>, which bounds the
    /// (costlier) drift and data-quality re-evaluations. Keep it below the base windows' retention (14 days by default).
    /// <value>Default 7.</value>
    /// </summary>
    [Range(1, 31)]
    public int LabelLookbackDays { get; set; } = 7;

    /// <summary>
    /// Hours after a UTC day ends before the feedback-loop check judges it, so the day's clicks have arrived.
    /// <value>Default 24.</value>
    /// </summary>
    [Range(0, 24 * 7)]
    public int FeedbackLoopOutcomeDelayHours { get; set; } = 24;
}
