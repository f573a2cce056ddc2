namespace ModelMonitor.Core.Events;

/// <summary>
/// Remembers the feature name seen at each position of the previous event. Producers write a model's features in
/// the same order every time, so comparing the bytes with last time's usually replaces a pool lookup.
/// </summary>
internal sealed class PositionalNames
{
    private const int Positions = 64;
    private const int MaxNameBytes = 64;
    private readonly byte[]?[] _raw = new byte[Positions][];
    private readonly string?[] _names = new string[Positions];

    public string Intern(int position, ReadOnlySpan<byte> raw, StringPool pool)
    {
        if ((uint)position >= Positions || raw.Length > MaxNameBytes)
        {
            return pool.InternUtf8(raw);
        }

        var known = _raw[position];
        if (known is not null && raw.SequenceEqual(known))
        {
            return _names[position]!;
        }

        var name = pool.InternUtf8(raw);

        // Reuse the slot's array when the length matches, so producers whose order varies do not allocate per event.
        if (known is null || known.Length != raw.Length)
        {
            known = new byte[raw.Length];
            _raw[position] = known;
        }

        raw.CopyTo(known);
        _names[position] = name;
        return name;
    }
}
