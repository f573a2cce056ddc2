using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ModelMonitor.Contract;

namespace ModelMonitor.Core.Events;

/// <summary>
/// The ingest fast path: a hand-written scanner for the JSON that nearly every message is (valid contract-v1
/// events, unescaped strings), which reads and converts values in the same pass instead of tokenizing first.
/// </summary>
/// <remarks>
/// It never decides that anything is wrong. On the first byte outside the subset it handles (an escape, a control
/// character, a wrong type, a bare NaN, a failed validation, malformed JSON) it gives up on the whole body and
/// <see cref="EventParser"/> parses the body again with <see cref="Utf8JsonReader"/>, which owns every error message.
/// So the only requirement on this type is that what it accepts, the general parser accepts with the same result;
/// differential and mutation tests hold it to that. Values go through the same <see cref="EventDraft"/> validation,
/// number parsing, timestamp rules and string pool as the general path.
/// </remarks>
internal ref struct FastEventScanner
{
    // Deeper than anything an event needs, well inside the general parser's limit of 16.
    private const int MaxSkipDepth = 8;

    // 10^15 < 2^53: any mantissa of this many digits is exact in a double, as Clinger's fast path requires.
    private const int MaxComposedDigits = 15;

    private static readonly Vector128<byte> Quote = Vector128.Create((byte)'"');
    private static readonly Vector128<byte> Backslash = Vector128.Create((byte)'\\');
    private static readonly Vector128<byte> Space = Vector128.Create((byte)' ');
    private static readonly Vector128<byte> NonAscii = Vector128.Create((byte)0x80);

    private readonly ReadOnlySpan<byte> _json;

    // The same bytes as _json when the caller lets events keep slices of them; otherwise empty.
    private readonly ReadOnlyMemory<byte> _retained;
    private readonly ScanMemory _memory;
    private readonly ParserLimits _limits;
    private int _pos;

    private FastEventScanner(ReadOnlySpan<byte> json, ReadOnlyMemory<byte> retained, ScanMemory memory, ParserLimits limits)
    {
        _json = json;
        _retained = retained;
        _memory = memory;
        _limits = limits;
        _pos = 0;
    }

    /// <summary>
    /// Appends one valid result per event and returns true, or returns false with <paramref name="results"/> as it
    /// was: the body needs the general parser. <c>retained</c> is the body as memory that events may keep slices of
    /// (ids decoded on first read), or empty.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> body, ReadOnlyMemory<byte> retained, DateTimeOffset arrival, ParserLimits limits, ScanMemory memory, List<ParseResult> results)
    {
        var start = results.Count;
        var scanner = new FastEventScanner(body, retained, memory, limits);
        if (scanner.TryParseBody(arrival, results))
        {
            return true;
        }

        results.RemoveRange(start, results.Count - start);
        return false;
    }

    private bool TryParseBody(DateTimeOffset arrival, List<ParseResult> results)
    {
        SkipWhitespace();
        if (Peek() == (byte)'{')
        {
            if (!TryEvent(arrival, out var single))
            {
                return false;
            }

            results.Add(ParseResult.Valid(0, single));
        }
        else if (Peek() == (byte)'[')
        {
            _pos++;
            for (var index = 0; ; index++)
            {
                SkipWhitespace();
                if (Peek() != (byte)'{' || !TryEvent(arrival, out var e))
                {
                    // Also an empty array, which the general parser reports.
                    return false;
                }

                results.Add(ParseResult.Valid(index, e));
                if (!TryEndOfMember((byte)']', out var done))
                {
                    return false;
                }

                if (done)
                {
                    break;
                }
            }
        }
        else
        {
            return false;
        }

        SkipWhitespace();
        return _pos == _json.Length;
    }

    private bool TryEvent(DateTimeOffset arrival, out MonitoringEvent e)
    {
        e = null!;

        // An empty object is an invalid event: the general parser says so.
        if (!TryOpen((byte)'{', (byte)'}', out var empty) || empty)
        {
            return false;
        }

        var draft = new EventDraft();
        var done = false;
        for (var position = 0; !done; position++)
        {
            if (!TryKnownName(_memory.FieldNames, position, out _, out var field) || !TryField(field, ref draft) || !TryEndOfMember((byte)'}', out done))
            {
                return false;
            }
        }

        if (!draft.TryBuild(arrival, _limits, out var built, out _))
        {
            return false;
        }

        e = built!;
        return true;
    }

    /// <summary>Reads one property by the shape the contract table gives its field, as the general parser does.</summary>
    private bool TryField(Field field, ref EventDraft draft)
    {
        if (field == Field.Unknown)
        {
            return TrySkipValue(1);
        }

        switch (ContractFields.Spec(field).Kind)
        {
            case FieldKind.Text:
                return TryInternedOrNull(field, out draft.Text(field));
            case FieldKind.EventId:
                return TryEventId(ref draft);
            case FieldKind.Timestamp:
                return TryTimestamp(out draft.Time(field));
            case FieldKind.Features:
                // As in the general parser, null leaves features from an earlier duplicate key in place.
                return TryNull() || TryFeatures(ref draft);
            case FieldKind.Scalar:
                return TryScalar(_memory.FieldValues, (int)field, out draft.Scalar(field));
            case FieldKind.Number:
                return TryNumberOrNull(out draft.Number(field));
            case FieldKind.StringArray:
                return TryArrayOrNull(ReadInterned, out draft.Strings(field));
            case FieldKind.UpstreamArray:
                return TryArrayOrNull(ReadUpstreamRef, out draft.Upstream);
            default:
                return TrySkipValue(1);
        }
    }

    private bool TryEventId(ref EventDraft draft)
    {
        draft.EventId = null;
        draft.EventIdUtf8 = default;
        if (TryNull())
        {
            return true;
        }

        var idStart = _pos + 1;
        if (!TryString(out var id))
        {
            return false;
        }

        // An ASCII id has as many chars as bytes, so validation can count bytes; others are decoded now.
        if (!_retained.IsEmpty && Ascii.IsValid(id))
        {
            draft.EventIdUtf8 = _retained.Slice(idStart, id.Length);
        }
        else
        {
            draft.EventId = Encoding.UTF8.GetString(id);
        }

        return true;
    }

    private bool TryFeatures(ref EventDraft draft)
    {
        if (!TryOpen((byte)'{', (byte)'}', out var empty))
        {
            return false;
        }

        // A model's events repeat one shape: the values are read straight into an array of its length, and the
        // names array is shared with the last row unless a name differs.
        var memory = _memory;
        var shape = memory.LastFeatureNames;
        var values = shape.Length > 0 && !empty ? new FieldValue[shape.Length] : [];
        List<string>? names = null;
        List<FieldValue>? longer = null;
        var count = 0;
        for (var done = empty; !done; count++)
        {
            if (!TryKnownName(memory.FeatureNames, count, out var name, out _)
                || count >= _limits.MaxFeatures || !TryScalar(memory.FeatureValues, count, out var value))
            {
                return false;
            }

            if (names is null && (count >= shape.Length || !ReferenceEquals(shape[count], name)))
            {
                names = memory.NameBuffer;
                names.Clear();
                names.AddRange(shape.AsSpan(0, count));
            }

            names?.Add(name);
            if (count < values.Length)
            {
                values[count] = value;
            }
            else
            {
                if (longer is null)
                {
                    longer = memory.ValueBuffer;
                    longer.Clear();
                    longer.AddRange(values);
                }

                longer.Add(value);
            }

            if (!TryEndOfMember((byte)'}', out done))
            {
                return false;
            }
        }

        if (count == 0)
        {
            draft.Features = [];
            return true;
        }

        var rowValues = longer is not null ? [.. longer] : count == values.Length ? values : values[..count];
        var rowNames = names is null && count == shape.Length
            ? shape
            : memory.Shape(names is not null ? CollectionsMarshal.AsSpan(names) : shape.AsSpan(0, count));
        memory.LastFeatureNames = rowNames;
        draft.Features = new FeatureRow(rowNames, rowValues);
        return true;
    }

    /// <summary>A feature value, prediction or label; string values are looked up in <paramref name="recent"/> first.</summary>
    private bool TryScalar(RecentStrings recent, int slot, out FieldValue value)
    {
        value = FieldValue.Null;
        switch (Peek())
        {
            case (byte)'"':
                if (TryRecall(recent, slot, out var known))
                {
                    value = FieldValue.FromString(known);
                    return true;
                }

                if (!TryString(out var raw))
                {
                    return false;
                }

                // Never remembered: "NaN" stands for a number, not for the string it spells.
                value = EventParser.TryNonFinite(raw, out var special)
                    ? FieldValue.FromNumber(special)
                    : FieldValue.FromString(InternAndRemember(recent, slot, raw));
                return true;
            case (byte)'t':
                value = FieldValue.FromBoolean(true);
                return TryLiteral("true"u8);
            case (byte)'f':
                value = FieldValue.FromBoolean(false);
                return TryLiteral("false"u8);
            case (byte)'n':
                return TryLiteral("null"u8);
            default:
                if (!TryNumber(out var number))
                {
                    return false;
                }

                value = FieldValue.FromNumber(number);
                return true;
        }
    }

    private bool TryNumberOrNull(out double? value)
    {
        value = null;
        if (TryNull())
        {
            return true;
        }

        if (Peek() == (byte)'"')
        {
            if (!TryString(out var raw) || !EventParser.TryNonFinite(raw, out var special))
            {
                return false;
            }

            value = special;
            return true;
        }

        if (!TryNumber(out var number))
        {
            return false;
        }

        value = number;
        return true;
    }

    /// <summary>Null or a string, looked up first among the values <paramref name="field"/> had recently.</summary>
    private bool TryInternedOrNull(Field field, out string? value)
    {
        var recent = _memory.FieldValues;
        if (TryRecall(recent, (int)field, out var known))
        {
            value = known;
            return true;
        }

        value = null;
        if (TryNull())
        {
            return true;
        }

        if (!TryString(out var raw))
        {
            return false;
        }

        value = InternAndRemember(recent, (int)field, raw);
        return true;
    }

    /// <summary>The string token at the current position, if it is the one <paramref name="recent"/> holds for the slot.</summary>
    private bool TryRecall(RecentStrings recent, int slot, out string value)
    {
        if (!recent.TryMatch(slot, _json[_pos..], out var length, out value))
        {
            return false;
        }

        _pos += length;
        return true;
    }

    private readonly string InternAndRemember(RecentStrings recent, int slot, ReadOnlySpan<byte> raw)
    {
        var value = _memory.Pool.InternUtf8(raw);
        recent.Remember(slot, raw, value);
        return value;
    }

    private bool TryTimestamp(out DateTimeOffset? value)
    {
        value = null;
        if (TryNull())
        {
            return true;
        }

        var quoted = _pos;
        if (!TryString(out var raw))
        {
            return false;
        }

        if (UtcTimestamp.TryParse(raw, out var simple))
        {
            value = simple;
            return true;
        }

        // Offsets and other ISO-8601 forms: the general parser's own rule, applied to the same JSON string.
        if (!EventParser.TryReadTimestamp(_json[quoted.._pos], out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    private delegate bool ElementReader<T>(ref FastEventScanner scanner, out T value);

    /// <summary>Null, or an array whose elements <paramref name="readElement"/> reads.</summary>
    private bool TryArrayOrNull<T>(ElementReader<T> readElement, out List<T>? values)
    {
        values = null;
        if (TryNull())
        {
            return true;
        }

        if (!TryOpen((byte)'[', (byte)']', out var empty))
        {
            return false;
        }

        values = [];
        for (var done = empty; !done;)
        {
            if (!readElement(ref this, out var value))
            {
                return false;
            }

            values.Add(value);
            if (!TryEndOfMember((byte)']', out done))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ReadInterned(ref FastEventScanner scanner, out string value) => scanner.TryInterned(out value);

    private static bool ReadUpstreamRef(ref FastEventScanner scanner, out UpstreamRef value) => scanner.TryUpstreamRef(out value);

    private bool TryInterned(out string value)
    {
        value = null!;
        if (!TryString(out var raw))
        {
            return false;
        }

        value = _memory.Pool.InternUtf8(raw);
        return true;
    }

    private bool TryUpstreamRef(out UpstreamRef reference)
    {
        reference = default!;
        if (!TryOpen((byte)'{', (byte)'}', out var empty))
        {
            return false;
        }

        string? modelId = null;
        string? eventId = null;
        for (var done = empty; !done;)
        {
            if (!TryPropertyName(out var name))
            {
                return false;
            }

            // Non-string values of these keys are skipped, as the general parser does.
            var isModel = name.SequenceEqual("modelId"u8);
            var isEvent = name.SequenceEqual("eventId"u8);
            if ((isModel || isEvent) && Peek() == (byte)'"')
            {
                if (!TryString(out var raw))
                {
                    return false;
                }

                if (isModel)
                {
                    modelId = _memory.Pool.InternUtf8(raw);
                }
                else
                {
                    eventId = Encoding.UTF8.GetString(raw);
                }
            }
            else if (!TrySkipValue(3))
            {
                return false;
            }

            if (!TryEndOfMember((byte)'}', out done))
            {
                return false;
            }
        }

        if (modelId is null || !Identifiers.IsValidPathId(modelId))
        {
            return false;
        }

        reference = new UpstreamRef(modelId, eventId);
        return true;
    }

    /// <summary>Skips a value of a field the contract does not define, checking that it is well-formed JSON.</summary>
    private bool TrySkipValue(int depth)
    {
        switch (Peek())
        {
            case (byte)'"':
                return TryString(out _);
            case (byte)'t':
                return TryLiteral("true"u8);
            case (byte)'f':
                return TryLiteral("false"u8);
            case (byte)'n':
                return TryLiteral("null"u8);
            case (byte)'{' or (byte)'[':
                return depth < MaxSkipDepth && TrySkipContainer(depth + 1);
            default:
                return TryNumber(out _);
        }
    }

    private bool TrySkipContainer(int depth)
    {
        var isObject = _json[_pos] == (byte)'{';
        var close = isObject ? (byte)'}' : (byte)']';
        if (!TryOpen(_json[_pos], close, out var empty))
        {
            return false;
        }

        for (var done = empty; !done;)
        {
            if ((isObject && !TryPropertyName(out _)) || !TrySkipValue(depth) || !TryEndOfMember(close, out done))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads <c>"name" :</c> and the whitespace after it, trying last object's name and colon at this position first;
    /// escaped names are left to the general parser.
    /// </summary>
    private bool TryKnownName(PositionalNames known, int position, out string name, out Field field)
    {
        SkipWhitespace();
        if (known.TryMatch(position, _json[_pos..], out var length, out name, out field))
        {
            // The match includes the colon.
            _pos += length;
            SkipWhitespace();
            return true;
        }

        if (!TryString(out var raw))
        {
            return false;
        }

        name = known.Remember(position, raw, _memory.Pool, out field);
        return TryNameSeparator();
    }

    /// <summary>Reads <c>"name" :</c> and the whitespace after it; escaped names are left to the general parser.</summary>
    private bool TryPropertyName(out ReadOnlySpan<byte> name)
    {
        SkipWhitespace();
        return TryString(out name) && TryNameSeparator();
    }

    /// <summary>The <c>:</c> after a property name, with the whitespace around it.</summary>
    private bool TryNameSeparator()
    {
        SkipWhitespace();
        if (Peek() != (byte)':')
        {
            return false;
        }

        _pos++;
        SkipWhitespace();
        return true;
    }

    /// <summary>
    /// Enters a container: false when the value is not <paramref name="open"/>; <paramref name="empty"/> when it closes
    /// at once (the close is then consumed too).
    /// </summary>
    private bool TryOpen(byte open, byte close, out bool empty)
    {
        empty = false;
        if (Peek() != open)
        {
            return false;
        }

        _pos++;
        SkipWhitespace();
        if (Peek() == close)
        {
            _pos++;
            empty = true;
        }

        return true;
    }

    /// <summary>After a member: a comma (more follow) or <paramref name="close"/> (done), each with surrounding whitespace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryEndOfMember(byte close, out bool done)
    {
        SkipWhitespace();
        var next = Peek();
        _pos++;
        done = next == close;
        if (!done && next != (byte)',')
        {
            return false;
        }

        SkipWhitespace();
        return true;
    }

    /// <summary>An unescaped string at the current position, without its quotes; its bytes are valid UTF-8.</summary>
    private bool TryString(out ReadOnlySpan<byte> value)
    {
        value = default;
        var json = _json;
        var pos = _pos;
        if ((uint)pos >= (uint)json.Length || json[pos] != (byte)'"')
        {
            return false;
        }

        var start = ++pos;
        var ascii = true;
        while (true)
        {
            // Sixteen bytes at a time while the body has them; strings are short, so usually one step.
            if (pos + Vector128<byte>.Count <= json.Length)
            {
                var chunk = Vector128.Create(json.Slice(pos, Vector128<byte>.Count));
                var stops = Vector128.Equals(chunk, Quote) | Vector128.Equals(chunk, Backslash) | Vector128.LessThan(chunk, Space) | Vector128.GreaterThanOrEqual(chunk, NonAscii);
                if (stops == Vector128<byte>.Zero)
                {
                    pos += Vector128<byte>.Count;
                    continue;
                }

                pos += BitOperations.TrailingZeroCount(stops.ExtractMostSignificantBits());
            }
            else
            {
                while ((uint)pos < (uint)json.Length && json[pos] is >= 0x20 and < 0x80 and not (byte)'"' and not (byte)'\\')
                {
                    pos++;
                }

                if ((uint)pos >= (uint)json.Length)
                {
                    return false;
                }
            }

            var b = json[pos];
            if (b == (byte)'"')
            {
                break;
            }

            if (b < 0x80)
            {
                // An escape or a control character: the general parser's business.
                return false;
            }

            ascii = false;
            pos++;
        }

        value = json[start..pos];
        if (!ascii && !Utf8.IsValid(value))
        {
            return false;
        }

        _pos = pos + 1;
        return true;
    }

    /// <summary>
    /// A JSON number (strict grammar), converted exactly as the general parser converts it: plain decimals of at most
    /// <see cref="MaxComposedDigits"/> digits are composed from the digits read while checking the grammar (the
    /// arithmetic of <see cref="FastDouble"/>), the rest go through the general parser's conversion.
    /// </summary>
    private bool TryNumber(out double value)
    {
        value = 0;
        var json = _json;
        var start = _pos;
        var i = start;
        var negative = false;
        if ((uint)i < (uint)json.Length && json[i] == (byte)'-')
        {
            negative = true;
            i++;
        }

        if ((uint)i >= (uint)json.Length || !IsDigit(json[i]))
        {
            return false;
        }

        // No overflow check per digit: past MaxComposedDigits the mantissa is not used, so wrapping is harmless.
        ulong mantissa = 0;
        var digits = 0;
        if (json[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            while ((uint)i < (uint)json.Length && IsDigit(json[i]))
            {
                mantissa = unchecked((mantissa * 10) + (uint)(json[i] - '0'));
                digits++;
                i++;
            }
        }

        var fractionDigits = 0;
        if ((uint)i < (uint)json.Length && json[i] == (byte)'.')
        {
            if ((uint)++i >= (uint)json.Length || !IsDigit(json[i]))
            {
                return false;
            }

            while ((uint)i < (uint)json.Length && IsDigit(json[i]))
            {
                mantissa = unchecked((mantissa * 10) + (uint)(json[i] - '0'));
                fractionDigits++;
                i++;
            }
        }

        var exponent = false;
        if ((uint)i < (uint)json.Length && (json[i] | 0x20) == (byte)'e')
        {
            exponent = true;
            if ((uint)++i < (uint)json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if ((uint)i >= (uint)json.Length || !IsDigit(json[i]))
            {
                return false;
            }

            while ((uint)i < (uint)json.Length && IsDigit(json[i]))
            {
                i++;
            }
        }

        _pos = i;
        return (!exponent && digits + fractionDigits <= MaxComposedDigits && FastDouble.TryCompose((long)mantissa, fractionDigits, negative, out value))
            || EventParser.TryConvertNumber(json[start..i], out value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryNull() => Peek() == (byte)'n' && TryLiteral("null"u8);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryLiteral(ReadOnlySpan<byte> literal)
    {
        if (!_json[_pos..].StartsWith(literal))
        {
            return false;
        }

        _pos += literal.Length;
        return true;
    }

    // The primitives below copy _json and _pos to locals: on fields the JIT reloads both at every use and keeps the
    // bounds check beside the length test; on locals an unsigned length test removes the bounds check.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly byte Peek()
    {
        var json = _json;
        var pos = _pos;
        return (uint)pos < (uint)json.Length ? json[pos] : (byte)0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SkipWhitespace()
    {
        // Compact JSON has none: one test, inlined, before the loop.
        var json = _json;
        var pos = _pos;
        if ((uint)pos < (uint)json.Length && json[pos] > (byte)' ')
        {
            return;
        }

        SkipWhitespaceSlow();
    }

    private void SkipWhitespaceSlow()
    {
        var json = _json;
        var pos = _pos;
        while ((uint)pos < (uint)json.Length && json[pos] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            pos++;
        }

        _pos = pos;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}

