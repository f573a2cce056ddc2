namespace ModelMonitor.Core.Events;

/// <summary>
/// Reads the one timestamp form producers nearly always send, <c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c> with up to seven
/// fraction digits, straight from its UTF-8 bytes. Anything else (offsets, lowercase letters, leap seconds, more
/// digits) returns false so that the caller can use System.Text.Json's full ISO-8601 reader instead.
/// </summary>
internal static class UtcTimestamp
{
    private static readonly int[] TicksScale = [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20 || text[^1] != (byte)'Z'
            || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)'T' || text[13] != (byte)':' || text[16] != (byte)':')
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long fractionTicks = 0;
        if (text.Length > 20)
        {
            var digits = text.Length - 21;
            if (text[19] != (byte)'.' || digits is < 1 or > 7 || !TryDigits(text, 20, digits, out var fraction))
            {
                return false;
            }

            fractionTicks = (long)fraction * TicksScale[digits];
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fractionTicks;
        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
