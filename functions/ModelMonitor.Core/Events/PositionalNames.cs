namespace ModelMonitor.Core.Events;

/// <summary>
/// Remembers the property name seen at each position of the previous object of the same kind, and which contract
/// field it is. Producers write an event's fields and a model's features in the same order every time, so one
/// comparison with last time's quoted name usually replaces scanning, identifying and interning the name.
/// </summary>
internal sealed class PositionalNames
{
    private const int Positions = 64;
    private const int MaxNameBytes = 64;
    private readonly RecentStrings _names = new(Positions, MaxNameBytes, propertyNames: true);
    private readonly Field[] _fields = new Field[Positions];

    /// <summary>
    /// True when <paramref name="json"/> starts with the quoted name remembered for <paramref name="position"/> and the
    /// colon after it; <paramref name="length"/> covers both.
    /// </summary>
    public bool TryMatch(int position, ReadOnlySpan<byte> json, out int length, out string name, out Field field)
    {
        if (_names.TryMatch(position, json, out length, out name))
        {
            field = _fields[position];
            return true;
        }

        field = Field.Unknown;
        return false;
    }

    /// <summary>Interns an unescaped name read at <paramref name="position"/> and remembers it for the next object.</summary>
    public string Remember(int position, ReadOnlySpan<byte> raw, StringPool pool, out Field field)
    {
        var name = pool.InternUtf8(raw);
        field = FieldNames.Identify(raw);
        if (_names.Remember(position, raw, name))
        {
            _fields[position] = field;
        }

        return name;
    }
}
