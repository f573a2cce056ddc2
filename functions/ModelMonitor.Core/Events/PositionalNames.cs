namespace ModelMonitor.Core.Events;

/// <summary>
/// Remembers the property name seen at each position of the previous object of the same kind. Producers write an
/// event's fields and a model's features in the same order every time, so one comparison of the bytes at the
/// current position with last time's quoted name usually replaces scanning the string, identifying the field and
/// looking the name up in the pool.
/// </summary>
internal sealed class PositionalNames
{
    private const int Positions = 64;
    private const int MaxNameBytes = 64;
    private readonly byte[]?[] _quoted = new byte[Positions][];
    private readonly string?[] _names = new string[Positions];
    private readonly Field[] _fields = new Field[Positions];

    /// <summary>
    /// True when <paramref name="json"/> starts with the quoted name remembered for <paramref name="position"/>. Such a
    /// name has no quote, backslash or control byte inside, so a match is exactly that JSON string token.
    /// </summary>
    public bool TryMatch(int position, ReadOnlySpan<byte> json, out int length, out string name, out Field field)
    {
        if ((uint)position < Positions && _quoted[position] is { } quoted && json.StartsWith(quoted))
        {
            length = quoted.Length;
            name = _names[position]!;
            field = _fields[position];
            return true;
        }

        length = 0;
        name = null!;
        field = Field.Unknown;
        return false;
    }

    /// <summary>Interns an unescaped name read at <paramref name="position"/> and remembers it for the next object.</summary>
    public string Remember(int position, ReadOnlySpan<byte> raw, StringPool pool, out Field field)
    {
        var name = pool.InternUtf8(raw);
        field = FieldNames.Identify(raw);
        if ((uint)position >= Positions || raw.Length > MaxNameBytes)
        {
            return name;
        }

        // Reuse the slot's array when the length matches, so producers whose order varies do not allocate per object.
        var quoted = _quoted[position];
        if (quoted is null || quoted.Length != raw.Length + 2)
        {
            quoted = new byte[raw.Length + 2];
            _quoted[position] = quoted;
        }

        quoted[0] = (byte)'"';
        raw.CopyTo(quoted.AsSpan(1));
        quoted[^1] = (byte)'"';
        _names[position] = name;
        _fields[position] = field;
        return name;
    }
}
