namespace ModelMonitor.Core.Events;

/// <summary>
/// Remembers, per slot, the last unescaped JSON string token read there (with its quotes) and the string it stands
/// for. Producers repeat the same strings at the same places (a model's id and version, its feature names in order,
/// statuses, slots, labels), so one comparison with last time's token usually replaces scanning the string, hashing
/// it and looking it up in the pool.
/// </summary>
internal sealed class RecentStrings
{
    private readonly int _maxBytes;
    private readonly int _suffixLength;
    private readonly byte[]?[] _quoted;
    private readonly string?[] _values;

    /// <param name="slots">Places remembered.</param>
    /// <param name="maxBytes">Longest string remembered, in UTF-8 bytes.</param>
    /// <param name="propertyNames">
    /// Whether the strings are property names: the token then includes the name separator (<c>"name":</c>), so a match
    /// also consumes it. A producer that writes a space before the colon never matches, and is read the long way.
    /// </param>
    public RecentStrings(int slots, int maxBytes, bool propertyNames = false)
    {
        _maxBytes = maxBytes;
        _suffixLength = propertyNames ? 1 : 0;
        _quoted = new byte[slots][];
        _values = new string[slots];
    }

    /// <summary>
    /// True when <paramref name="json"/> starts with the token remembered for <paramref name="slot"/>. A remembered
    /// token has no quote, backslash or control byte inside, so a match is exactly that JSON string (and, for property
    /// names, its colon); <paramref name="length"/> is how many bytes it covers.
    /// </summary>
    public bool TryMatch(int slot, ReadOnlySpan<byte> json, out int length, out string value)
    {
        if ((uint)slot < (uint)_quoted.Length && _quoted[slot] is { } quoted && json.StartsWith(quoted))
        {
            length = quoted.Length;
            value = _values[slot]!;
            return true;
        }

        length = 0;
        value = null!;
        return false;
    }

    /// <summary>Remembers <paramref name="value"/> as what the unescaped string bytes <paramref name="raw"/> stand for.</summary>
    /// <returns>False when the slot is out of range or the string too long to be worth remembering.</returns>
    public bool Remember(int slot, ReadOnlySpan<byte> raw, string value)
    {
        if ((uint)slot >= (uint)_quoted.Length || raw.Length > _maxBytes)
        {
            return false;
        }

        // Reuse the slot's array when the length matches, so slots whose values vary do not allocate per object.
        var length = raw.Length + 2 + _suffixLength;
        var quoted = _quoted[slot];
        if (quoted is null || quoted.Length != length)
        {
            quoted = new byte[length];
            _quoted[slot] = quoted;
        }

        quoted[0] = (byte)'"';
        raw.CopyTo(quoted.AsSpan(1));
        quoted[raw.Length + 1] = (byte)'"';
        if (_suffixLength == 1)
        {
            quoted[^1] = (byte)':';
        }
        _values[slot] = value;
        return true;
    }
}
