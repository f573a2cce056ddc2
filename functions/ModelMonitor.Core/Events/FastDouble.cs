namespace ModelMonitor.Core.Events;

/// <summary>
/// Clinger's fast path for the plain decimals that dominate event payloads ("12.5", "-0.8731", "512"):
/// when the digits fit in 2^53 and the power of ten is at most 22, mantissa / 10^k is exactly rounded, so the
/// result equals a full parse. Anything else (exponents, long mantissas) falls back to the general parser.
/// </summary>
internal static class FastDouble
{
    public const long MaxExactMantissa = 1L << 53;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        long mantissa = 0;
        var fractionDigits = 0;
        var digits = 0;
        var seenPoint = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= (byte)'0' and <= (byte)'9')
            {
                mantissa = (mantissa * 10) + (c - '0');
                digits++;
                if (seenPoint)
                {
                    fractionDigits++;
                }

                if (mantissa >= MaxExactMantissa)
                {
                    return false;
                }
            }
            else if (c == (byte)'.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                // Exponents and anything unusual take the general path.
                return false;
            }
        }

        return digits > 0 && TryCompose(mantissa, fractionDigits, negative, out value);
    }

    /// <summary>The value of digits already read: <paramref name="mantissa"/> (below 2^53) / 10^<paramref name="fractionDigits"/>.</summary>
    public static bool TryCompose(long mantissa, int fractionDigits, bool negative, out double value)
    {
        if (fractionDigits >= PowersOfTen.Length)
        {
            value = 0;
            return false;
        }

        var result = fractionDigits == 0 ? mantissa : mantissa / PowersOfTen[fractionDigits];
        value = negative ? -result : result;
        return true;
    }
}
