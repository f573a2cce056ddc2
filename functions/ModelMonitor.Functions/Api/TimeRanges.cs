using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelMonitor.Functions.Api;

/// <summary>
/// A [from, to) range given by a caller: ISO 8601 times (a date, or a date and time; no offset means UTC), from before
/// to, at most <see cref="MaxRange"/> apart. A result with a reason, never an exception.
/// </summary>
public static partial class TimeRanges
{
    /// <summary>Longest range served: a month of base windows is what one request may read.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    // Far from DateTimeOffset's limits, so flooring and stepping windows can never overflow.
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <returns>The range in UTC, or the reason it is not valid (names the parameters as <paramref name="fromName"/> and <paramref name="toName"/>).</returns>
    public static (DateTimeOffset From, DateTimeOffset To, string? Error) Read(string? from, string? to, string fromName = "from", string toName = "to")
    {
        var (start, startError) = Parse(from, fromName);
        var (end, endError) = Parse(to, toName);
        if ((startError ?? endError) is { } error)
        {
            return (default, default, error);
        }

        if (start >= end)
        {
            return (default, default, $"'{fromName}' must be before '{toName}'.");
        }

        return end - start > MaxRange
            ? (default, default, $"The range is longer than {MaxRange.TotalDays:0} days: ask for several shorter ranges.")
            : (start, end, null);
    }

    private static (DateTimeOffset Time, string? Error) Parse(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (default, $"'{name}' is required: an ISO 8601 time, e.g. 2026-11-25 or 2026-11-25T10:00:00Z.");
        }

        if (value.Length > 40 || !IsoShape().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return (default, $"'{name}' is not an ISO 8601 time, e.g. 2026-11-25 or 2026-11-25T10:00:00Z.");
        }

        parsed = parsed.ToUniversalTime();
        return parsed < Earliest || parsed > Latest
            ? (default, $"'{name}' must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.")
            : (parsed, null);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoShape();
}
