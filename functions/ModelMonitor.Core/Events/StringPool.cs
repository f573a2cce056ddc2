using System.Text;

namespace ModelMonitor.Core.Events;

/// <summary>
/// Bounded intern pool for feature names and category values: events repeat the same few strings
/// millions of times, so returning one instance avoids an allocation per value on the ingest hot path.
/// Not thread-safe: one pool per parser.
/// </summary>
public sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Keyed by the raw UTF-8 bytes of unescaped JSON strings, so a repeated string costs one hash and one
    // compare, with no transcoding to UTF-16.
    private readonly Utf8StringCache _utf8;
    private readonly char[] _chars = new char[256];

    /// <param name="capacity">Distinct strings kept; beyond it new strings are allocated but not kept.</param>
    public StringPool(int capacity = 16_384)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        _utf8 = new Utf8StringCache(capacity);
    }

    /// <summary>The pooled string for these UTF-8 bytes, if they were seen before.</summary>
    public bool TryGetUtf8(ReadOnlySpan<byte> utf8, out string value) => _utf8.TryGet(utf8, out value);

    /// <summary>Remembers that <paramref name="utf8"/> decodes to <paramref name="value"/> (while under capacity).</summary>
    public void AddUtf8(ReadOnlySpan<byte> utf8, string value)
    {
        _utf8.Add(utf8, value);
    }

    public int Capacity { get; }

    /// <summary>The pooled string for unescaped JSON string bytes, which the caller has checked are valid UTF-8.</summary>
    public string InternUtf8(ReadOnlySpan<byte> utf8)
    {
        if (_utf8.TryGet(utf8, out var known))
        {
            return known;
        }

        // UTF-8 never takes fewer bytes than UTF-16 code units, so the byte count bounds the chars.
        string decoded;
        if (utf8.Length <= _chars.Length)
        {
            var written = Encoding.UTF8.GetChars(utf8, _chars);
            decoded = Intern(_chars.AsSpan(0, written));
        }
        else
        {
            decoded = Intern(Encoding.UTF8.GetString(utf8));
        }

        _utf8.Add(utf8, decoded);
        return decoded;
    }

    public int Count => _strings.Count;

    public string Intern(ReadOnlySpan<char> value)
    {
        if (_lookup.TryGetValue(value, out var existing))
        {
            return existing;
        }

        var created = value.ToString();
        if (_strings.Count < Capacity)
        {
            _strings.Add(created, created);
        }

        return created;
    }
}
