namespace ModelMonitor.Core.Windows;

/// <summary>
/// A tier of window summaries. Base windows are written by ingest; hourly and daily roll-ups are merged
/// from finer tiers by timers so that a week-long check reads a handful of blobs.
/// </summary>
public sealed record Granularity
{
    private Granularity(string name, TimeSpan length)
    {
        Name = name;
        Length = length;
    }

    /// <summary>Path segment, e.g. "5m", "1h", "1d".</summary>
    public string Name { get; }

    public TimeSpan Length { get; }

    public static Granularity Hour { get; } = new("1h", TimeSpan.FromHours(1));

    public static Granularity Day { get; } = new("1d", TimeSpan.FromDays(1));

    /// <summary>A base tier of whole minutes that divides a day evenly (1, 2, 5, 10, 15, 30, 60…).</summary>
    public static Granularity BaseMinutes(int minutes)
    {
        if (minutes <= 0 || 1440 % minutes != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "Window minutes must divide a day evenly (e.g. 1, 5, 10, 15, 30, 60).");
        }

        return new Granularity($"{minutes}m", TimeSpan.FromMinutes(minutes));
    }

    /// <summary>Parses "5m", "1h" or "1d".</summary>
    public static bool TryParse(string? text, out Granularity? granularity)
    {
        granularity = null;
        if (string.IsNullOrEmpty(text) || text.Length < 2)
        {
            return false;
        }

        if (text == Hour.Name)
        {
            granularity = Hour;
            return true;
        }

        if (text == Day.Name)
        {
            granularity = Day;
            return true;
        }

        if (text[^1] == 'm' && int.TryParse(text.AsSpan(0, text.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minutes)
            && minutes > 0 && 1440 % minutes == 0)
        {
            granularity = BaseMinutes(minutes);
            return true;
        }

        return false;
    }

    /// <summary>Start of the window containing <paramref name="timestamp"/>, aligned to UTC.</summary>
    public DateTimeOffset Floor(DateTimeOffset timestamp)
    {
        var utcTicks = timestamp.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % Length.Ticks), TimeSpan.Zero);
    }

    public override string ToString() => Name;
}
