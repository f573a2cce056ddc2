namespace ModelMonitor.Core.Events;

/// <summary>
/// Rewrites the bare tokens <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> (which Python's json module
/// emits but JSON forbids) into their quoted forms, leaving string contents untouched.
/// </summary>
internal static class BareNonFiniteRewriter
{
    public static bool TryRewrite(ReadOnlySpan<byte> body, out byte[] rewritten)
    {
        var output = new List<byte>(body.Length + 32);
        var changed = false;
        var inString = false;
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (inString)
            {
                output.Add(b);
                if (b == (byte)'\\' && i + 1 < body.Length)
                {
                    output.Add(body[++i]);
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            if (b == (byte)'"')
            {
                inString = true;
                output.Add(b);
                continue;
            }

            var token = Match(body[i..]);
            if (token.Length > 0 && IsBoundary(body, i - 1) && IsBoundary(body, i + token.Length))
            {
                output.Add((byte)'"');
                output.AddRange(token);
                output.Add((byte)'"');
                i += token.Length - 1;
                changed = true;
                continue;
            }

            output.Add(b);
        }

        rewritten = changed ? [.. output] : [];
        return changed;
    }

    private static ReadOnlySpan<byte> Match(ReadOnlySpan<byte> rest)
    {
        if (rest.StartsWith("NaN"u8))
        {
            return "NaN"u8;
        }

        if (rest.StartsWith("Infinity"u8))
        {
            return "Infinity"u8;
        }

        return rest.StartsWith("-Infinity"u8) ? "-Infinity"u8 : [];
    }

    private static bool IsBoundary(ReadOnlySpan<byte> body, int index) =>
        index < 0 || index >= body.Length || body[index] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',' or (byte)':' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}';
}
