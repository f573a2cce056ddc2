using System.Globalization;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Cli.Commands;

/// <summary>Validation of user-supplied values; every failure is a <see cref="CliUsageException"/> (exit code 2).</summary>
internal static class InputParsing
{
    public static string RequireIdentifier(string? value, string option) =>
        value is not null && Identifiers.IsValidPathId(value)
            ? value
            : throw new CliUsageException($"{option} '{value}' is not a valid identifier: use 1-64 characters from [A-Za-z0-9._-].");

    /// <summary>An ISO-8601 date or date-time; without an offset it is taken as UTC.</summary>
    public static DateTimeOffset? ParseTime(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : throw new CliUsageException($"{option} '{value}' is not an ISO-8601 time, e.g. 2026-11-25 or 2026-11-25T10:00:00Z.");
    }

    public static int RequireRange(int value, int min, int max, string option) =>
        value >= min && value <= max ? value : throw new CliUsageException($"{option} must be between {min} and {max}; got {value}.");
}
