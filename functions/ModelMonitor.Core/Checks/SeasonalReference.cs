using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// The part of a pinned reference comparable with a window of a daily cycle: the reference's same hours of the day
/// (see <see cref="SeasonalityPolicy"/>). Pure: the caller reads the summaries of the ranges it names.
/// </summary>
public static class SeasonalReference
{
    /// <summary>Windows longer than this span several phases of the day and are compared with the whole reference.</summary>
    public static readonly TimeSpan LongestSeasonalWindow = TimeSpan.FromHours(1);

    /// <summary>
    /// Ranges of [<paramref name="referenceStart"/>, <paramref name="referenceEnd"/>) at the window's hour of the day
    /// (UTC, ± the policy's neighbour hours), ascending and disjoint; empty when the policy does not apply (mode off,
    /// a window longer than an hour, a reference shorter than the policy's minimum days).
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> MatchingRanges(
        DateTimeOffset referenceStart, DateTimeOffset referenceEnd, DateTimeOffset windowStart, DateTimeOffset windowEnd, SeasonalityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Mode == ReferenceSeasonality.None
            || windowEnd <= windowStart
            || windowEnd - windowStart > LongestSeasonalWindow
            || referenceEnd - referenceStart < TimeSpan.FromDays(policy.MinimumReferenceDays))
        {
            return [];
        }

        var hour = TimeSpan.FromHours(1);
        DateTimeOffset windowHour = Floor(windowStart.ToUniversalTime(), hour);
        TimeSpan hourOfDay = windowHour - Floor(windowHour, TimeSpan.FromDays(1));
        TimeSpan before = policy.NeighbourHours * hour, after = (policy.NeighbourHours + 1) * hour;
        var ranges = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        // From the day before the reference to the day after it, so that neighbour hours across midnight are found too.
        for (DateTimeOffset day = Floor(referenceStart.ToUniversalTime(), TimeSpan.FromDays(1)) - TimeSpan.FromDays(1);
             day <= referenceEnd + TimeSpan.FromDays(1);
             day += TimeSpan.FromDays(1))
        {
            DateTimeOffset start = Max(day + hourOfDay - before, referenceStart), end = Min(day + hourOfDay + after, referenceEnd);
            if (start < end)
            {
                ranges.Add((start, end));
            }
        }

        return ranges;
    }

    /// <summary>
    /// The merged summaries of the matched ranges when they hold at least the policy's minimum events, else null (use
    /// the whole reference). The result spans the matched ranges' first start to last end.
    /// </summary>
    public static WindowSummary? Combine(WindowSummary reference, IEnumerable<WindowSummary?> matched, SeasonalityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(matched);
        ArgumentNullException.ThrowIfNull(policy);
        WindowSummary? combined = null;
        foreach (WindowSummary? part in matched)
        {
            if (part is null)
            {
                continue;
            }

            if (combined is null)
            {
                combined = new WindowSummary(reference.ModelId, reference.ModelVersion, part.WindowStart, part.WindowEnd);
            }

            combined.Merge(part);
        }

        return combined is not null && combined.EventCount >= policy.MinimumEvents ? combined : null;
    }

    /// <summary>Days of history merged into the trailing baseline.</summary>
    public const int TrailingDays = 7;

    /// <summary>
    /// The trailing baseline of a window: the same span on each of the <see cref="TrailingDays"/> days before it, most
    /// recent first, to be merged (whichever exist); the caller falls back to <see cref="HourBefore"/> when none does.
    /// The same phase of the daily cycle on several days is both comparable and thick: one day's hour against one hour
    /// has as much sampling noise as the hour itself, and on a steep daily cycle the hour before differs from every hour
    /// by the same amount, which persistence cannot tell from a shift.
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> TrailingRanges(DateTimeOffset windowStart, TimeSpan windowLength)
    {
        if (windowLength <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(windowLength), windowLength, "The window must have a positive length.");
        }

        var ranges = new (DateTimeOffset Start, DateTimeOffset End)[TrailingDays];
        for (int d = 1; d <= TrailingDays; d++)
        {
            var start = windowStart - TimeSpan.FromDays(d);
            ranges[d - 1] = (start, start + windowLength);
        }

        return ranges;
    }

    /// <summary>The last-resort trailing baseline (less than a day of history): the hour before the window.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) HourBefore(DateTimeOffset windowStart) => (windowStart - TimeSpan.FromHours(1), windowStart);

    private static DateTimeOffset Floor(DateTimeOffset t, TimeSpan unit) => new(t.UtcTicks - (t.UtcTicks % unit.Ticks), TimeSpan.Zero);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
