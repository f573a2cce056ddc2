namespace ModelMonitor.Core.Checks;

/// <summary>How a window is matched with the part of a pinned reference that is comparable with it.</summary>
public enum ReferenceSeasonality
{
    /// <summary>The whole reference, whatever the hour (a training profile without a time of day).</summary>
    None,

    /// <summary>The reference's same hours of the day (UTC), on every day it covers: a daily cycle is not drift.</summary>
    HourOfDay,
}

/// <summary>
/// When and how <see cref="SeasonalReference"/> narrows a pinned reference to the window's hours of the day.
/// Immutable; validated in the constructor.
/// </summary>
/// <remarks>
/// A reference of one or more days against an hourly window compares the hour with the day's mixture of all hours:
/// a feature with a daily cycle (traffic mix, time-of-day behaviour) then "drifts" at the peak and the trough of every
/// day, twice a day, forever. Comparing the hour with the same hours of the reference removes that while a real shift
/// (the same hour, different from the same hour before) still shows.
/// </remarks>
public sealed record SeasonalityPolicy
{
    public const int DefaultNeighbourHours = 0;
    public const int DefaultMinimumReferenceDays = 1;
    public const long DefaultMinimumEvents = 500;

    /// <param name="mode">Default <see cref="ReferenceSeasonality.HourOfDay"/>.</param>
    /// <param name="neighbourHours">Hours on either side of the window's hour taken with it. 0–3, default 0: neighbours add
    /// reference data but smear a steep cycle, and consecutive windows then share reference hours, so one odd reference
    /// hour shows in several windows in a row and persistence no longer holds it back (measured: a false alarm in 8 clean
    /// days with ±1 hour, none without).</param>
    /// <param name="minimumReferenceDays">Only a reference that covers at least this many whole days is narrowed (a shorter one
    /// does not have every hour). 1–365, default 1.</param>
    /// <param name="minimumEvents">The matched hours must hold at least this many events, else the whole reference is used
    /// (a thin reference would be noisier than the cycle). ≥ 1, default 500.</param>
    public SeasonalityPolicy(
        ReferenceSeasonality mode = ReferenceSeasonality.HourOfDay,
        int neighbourHours = DefaultNeighbourHours,
        int minimumReferenceDays = DefaultMinimumReferenceDays,
        long minimumEvents = DefaultMinimumEvents)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown seasonality.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(neighbourHours);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(neighbourHours, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumReferenceDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumReferenceDays, 365);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumEvents, 1);
        Mode = mode;
        NeighbourHours = neighbourHours;
        MinimumReferenceDays = minimumReferenceDays;
        MinimumEvents = minimumEvents;
    }

    /// <summary>The same hour of the day, from a reference of one day or more, with at least 500 events.</summary>
    public static SeasonalityPolicy Default { get; } = new();

    /// <summary>Always the whole reference.</summary>
    public static SeasonalityPolicy Off { get; } = new(ReferenceSeasonality.None);

    public ReferenceSeasonality Mode { get; }

    public int NeighbourHours { get; }

    public int MinimumReferenceDays { get; }

    public long MinimumEvents { get; }
}
