using Microsoft.Extensions.Time.Testing;

namespace ModelMonitor.Cli.Tests.Infrastructure;

/// <summary>
/// A clock set to an hour of 2001-2030 chosen at random per test, for commands that act on every model in a time
/// range (check, rollup): on the shared Azurite nothing else writes windows in that hour, so their counts are exact.
/// </summary>
internal static class TimeSlices
{
    private static readonly DateTimeOffset First = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A fake clock at a random whole hour plus 30 minutes, so "two hours ago" is inside one whole hour.</summary>
    public static FakeTimeProvider NewClock() =>
        new(First.AddHours(Random.Shared.Next(0, 30 * 365 * 24)).AddMinutes(30));

    /// <summary>The start of the hour <paramref name="hours"/> before the clock's hour.</summary>
    public static DateTimeOffset HourStart(TimeProvider clock, int hours)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), TimeSpan.Zero).AddHours(-hours);
    }
}
