using System.Buffers;
using System.Text.Json;
using ModelMonitor.Contract;

namespace ModelMonitor.Core.Events;

/// <summary>
/// Parses and validates contract-v1 message bodies (one JSON object or an array of them) in a single
/// <see cref="Utf8JsonReader"/> pass without building a DOM. Never throws on bad input: every rejected
/// event comes back with a reason so that the caller can dead-letter it.
/// Not thread-safe (it owns a <see cref="StringPool"/>): use one parser per batch or per thread.
/// </summary>
public sealed class EventParser
{
    private const int StackCharLimit = 128;
    private readonly ParserLimits _limits;
    private readonly StringPool _pool;
    private readonly char[] _chars = new char[StackCharLimit];
    private readonly List<Feature> _featureBuffer = new(64);
    private readonly ScanMemory _scanMemory;

    public EventParser(ParserLimits? limits = null, StringPool? pool = null)
    {
        _limits = limits ?? ParserLimits.Default;
        _pool = pool ?? new StringPool();
        _scanMemory = new ScanMemory(_pool);
    }

    /// <summary>
    /// Whether bodies are first tried with <see cref="FastEventScanner"/>. Off only in tests that compare the two paths.
    /// </summary>
    internal bool UseFastPath { get; init; } = true;

    /// <summary>Parses one message body, appending one result per event to <paramref name="results"/>.</summary>
    /// <param name="body">The raw message body (UTF-8 JSON).</param>
    /// <param name="arrival">When the message reached the hub; bounds how far ahead timestamps may be.</param>
    /// <param name="results">Receives the results in body order.</param>
    public void Parse(ReadOnlySpan<byte> body, DateTimeOffset arrival, List<ParseResult> results) => Parse(body, default, arrival, results);

    /// <summary>
    /// Parses one message body like <see cref="Parse(ReadOnlySpan{byte}, DateTimeOffset, List{ParseResult})"/>, but the
    /// events may keep slices of <paramref name="body"/> instead of copies (their ids, decoded on first read): the
    /// caller must not change or reuse its memory while they live. Ingest never reads the ids, so this saves decoding
    /// and allocating one per event.
    /// </summary>
    public void Parse(ReadOnlyMemory<byte> body, DateTimeOffset arrival, List<ParseResult> results) => Parse(body.Span, body, arrival, results);

    private void Parse(ReadOnlySpan<byte> body, ReadOnlyMemory<byte> retained, DateTimeOffset arrival, List<ParseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (body.Length > _limits.MaxMessageBytes)
        {
            results.Add(ParseResult.Invalid(0, $"oversized: message is {body.Length} bytes, the limit is {_limits.MaxMessageBytes}"));
            return;
        }

        if (UseFastPath && FastEventScanner.TryParse(body, retained, arrival, _limits, _scanMemory, results))
        {
            return;
        }

        var start = results.Count;
        if (TryParseBody(body, arrival, results, out var syntaxError))
        {
            return;
        }

        // Python's json module writes NaN and ±Infinity as bare tokens, which are not JSON.
        // Only after a failure do we pay for rewriting them as strings and trying again.
        results.RemoveRange(start, results.Count - start);
        if (BareNonFiniteRewriter.TryRewrite(body, out var rewritten))
        {
            if (TryParseBody(rewritten, arrival, results, out syntaxError))
            {
                return;
            }

            results.RemoveRange(start, results.Count - start);
        }

        results.Add(ParseResult.Invalid(0, $"invalid-json: {syntaxError}"));
    }

    private bool TryParseBody(ReadOnlySpan<byte> body, DateTimeOffset arrival, List<ParseResult> results, out string? syntaxError)
    {
        syntaxError = null;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        try
        {
            if (!reader.Read())
            {
                syntaxError = "empty body";
                return false;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    results.Add(ParseObject(ref reader, 0, arrival));
                    break;
                case JsonTokenType.StartArray:
                    var index = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            results.Add(ParseObject(ref reader, index, arrival));
                        }
                        else
                        {
                            var token = reader.TokenType;
                            reader.Skip();
                            results.Add(ParseResult.Invalid(index, $"not-an-object: array element is {Describe(token)}"));
                        }

                        index++;
                    }

                    if (index == 0)
                    {
                        results.Add(ParseResult.Invalid(0, "empty-array: the message holds no events"));
                    }

                    break;
                default:
                    var bodyToken = reader.TokenType;
                    reader.Skip();
                    results.Add(ParseResult.Invalid(0, $"not-an-object: body is {Describe(bodyToken)}"));
                    break;
            }

            // Trailing garbage after the first value makes the whole body invalid JSON.
            if (reader.Read())
            {
                syntaxError = "unexpected data after the JSON value";
                return false;
            }

            return true;
        }
        catch (JsonException ex)
        {
            syntaxError = ex.Message;
            return false;
        }
        catch (InvalidOperationException ex) when (ex.InnerException is System.Text.DecoderFallbackException)
        {
            // Utf8JsonReader does not validate UTF-8 while reading; decoding a string value finds it.
            syntaxError = "a string is not valid UTF-8";
            return false;
        }
        catch (InvalidOperationException ex) when (ex.TargetSite?.DeclaringType?.Assembly == typeof(Utf8JsonReader).Assembly)
        {
            // Found by fuzzing: a string escaping an unpaired surrogate ("\ud800") reads fine but throws when decoded.
            syntaxError = "a string escapes an unpaired UTF-16 surrogate";
            return false;
        }
    }

    private ParseResult ParseObject(ref Utf8JsonReader reader, int index, DateTimeOffset arrival)
    {
        var draft = new EventDraft();
        string? error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Escaped property names are rare; compare their unescaped form.
            var property = reader.ValueIsEscaped
                ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!)
                : reader.ValueSpan;
            reader.Read();

            var fieldError = error is null ? ReadField(ref reader, property, ref draft) : SkipValue(ref reader);
            error ??= fieldError;
        }

        if (error is not null)
        {
            return ParseResult.Invalid(index, error);
        }

        return draft.TryBuild(arrival, _limits, out var built, out var buildError)
            ? ParseResult.Valid(index, built!)
            : ParseResult.Invalid(index, buildError!);
    }

    private static string? SkipValue(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    /// <summary>Reads one property by the shape the contract table gives its field.</summary>
    private string? ReadField(ref Utf8JsonReader reader, ReadOnlySpan<byte> property, ref EventDraft draft)
    {
        var field = FieldNames.Identify(property);

        // Unknown fields are ignored so producers can move ahead of this service.
        if (field == Field.Unknown)
        {
            return SkipValue(ref reader);
        }

        var spec = ContractFields.Spec(field);
        return spec.Kind switch
        {
            FieldKind.Text => ReadString(ref reader, spec.Name, out draft.Text(field)),
            FieldKind.EventId => ReadString(ref reader, spec.Name, out draft.EventId, intern: false),
            FieldKind.Timestamp => ReadTimestamp(ref reader, spec.Name, out draft.Time(field)),
            FieldKind.Features => ReadFeatures(ref reader, ref draft),
            FieldKind.Scalar => ReadScalar(ref reader, spec.Name, out draft.Scalar(field)),
            FieldKind.Number => ReadNumber(ref reader, spec.Name, out draft.Number(field)),
            FieldKind.StringArray => ReadStringArray(ref reader, spec.Name, out draft.Strings(field)),
            FieldKind.UpstreamArray => ReadUpstream(ref reader, out draft.Upstream),
            _ => SkipValue(ref reader),
        };
    }

    private string? ReadString(ref Utf8JsonReader reader, string field, out string? value, bool intern = true)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                value = intern ? InternString(ref reader) : reader.GetString();
                return null;
            default:
                var token = reader.TokenType;
                reader.Skip();
                return $"wrong-type: {field} must be a string, got {Describe(token)}";
        }
    }

    private static string? ReadTimestamp(ref Utf8JsonReader reader, string field, out DateTimeOffset? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            var token = reader.TokenType;
            reader.Skip();
            return $"wrong-type: {field} must be an ISO-8601 string, got {Describe(token)}";
        }

        if (!TryConvertTimestamp(ref reader, out var parsed))
        {
            return $"invalid-timestamp: {field} must be ISO-8601 with a UTC offset, e.g. 2026-11-25T10:00:00.123Z";
        }

        value = parsed;
        return null;
    }

    /// <summary>The timestamp rule for a JSON string token (quotes included), for callers without a reader.</summary>
    internal static bool TryReadTimestamp(ReadOnlySpan<byte> quotedJsonString, out DateTimeOffset value)
    {
        value = default;
        var reader = new Utf8JsonReader(quotedJsonString);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.String && TryConvertTimestamp(ref reader, out value);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryConvertTimestamp(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        if (!reader.TryGetDateTimeOffset(out var parsed) || !HasExplicitOffset(reader.ValueSpan))
        {
            return false;
        }

        value = parsed.ToUniversalTime();
        return true;
    }

    private static bool HasExplicitOffset(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 11)
        {
            return false;
        }

        var last = raw[^1];
        if (last is (byte)'Z' or (byte)'z')
        {
            return true;
        }

        // "+hh:mm" or "-hh:mm" at the end; a date-only "-" sits far earlier.
        return raw.Length >= 6 && raw[^6] is (byte)'+' or (byte)'-' && raw[^3] == (byte)':';
    }

    private static string? ReadNumber(ref Utf8JsonReader reader, string field, out double? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                value = ReadDouble(ref reader);
                return null;
            case JsonTokenType.String when TryNonFinite(reader.ValueSpan, out var special):
                value = special;
                return null;
            default:
                var token = reader.TokenType;
                reader.Skip();
                return $"wrong-type: {field} must be a number, got {Describe(token)}";
        }
    }

    private const string UnnamedField = "{field}";

    private string? ReadScalar(ref Utf8JsonReader reader, string? field, out FieldValue value)
    {
        value = FieldValue.Null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                value = FieldValue.FromNumber(ReadDouble(ref reader));
                return null;
            case JsonTokenType.True:
                value = FieldValue.FromBoolean(true);
                return null;
            case JsonTokenType.False:
                value = FieldValue.FromBoolean(false);
                return null;
            case JsonTokenType.String:
                value = TryNonFinite(reader.ValueSpan, out var special)
                    ? FieldValue.FromNumber(special)
                    : FieldValue.FromString(InternString(ref reader));
                return null;
            default:
                var token = reader.TokenType;
                reader.Skip();
                return $"wrong-type: {field ?? UnnamedField} must be a number, string, boolean or null, got {Describe(token)}";
        }
    }

    private string? ReadFeatures(ref Utf8JsonReader reader, ref EventDraft draft)
    {
        if (!TryEnter(ref reader, JsonTokenType.StartObject, "features", "an object", out var invalid))
        {
            return invalid;
        }

        // Collected in a reused buffer, then copied to an exact-size array: half the bytes of a growing list per event.
        var features = _featureBuffer;
        features.Clear();
        string? error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = InternString(ref reader);
            reader.Read();
            if (error is not null)
            {
                reader.Skip();
                continue;
            }

            if (features.Count >= _limits.MaxFeatures)
            {
                error = $"too-many-features: more than {_limits.MaxFeatures}";
                reader.Skip();
                continue;
            }

            var fieldError = ReadScalar(ref reader, null, out var value);
            if (fieldError is not null)
            {
                // The field name is only built on the error path: concatenating per feature would allocate per value.
                error = fieldError.Replace(UnnamedField, "features." + name, StringComparison.Ordinal);
                continue;
            }

            features.Add(new Feature(name, value));
        }

        draft.Features = [.. features];
        return error;
    }

    private string? ReadStringArray(ref Utf8JsonReader reader, string field, out List<string>? values)
    {
        values = null;
        if (!TryEnter(ref reader, JsonTokenType.StartArray, field, "an array of strings", out var invalid))
        {
            return invalid;
        }

        values = [];
        string? error = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                values.Add(InternString(ref reader));
            }
            else
            {
                error ??= $"wrong-type: {field} must contain only strings, got {Describe(reader.TokenType)}";
                reader.Skip();
            }
        }

        return error;
    }

    private string? ReadUpstream(ref Utf8JsonReader reader, out List<UpstreamRef>? values)
    {
        values = null;
        if (!TryEnter(ref reader, JsonTokenType.StartArray, "upstream", "an array", out var invalid))
        {
            return invalid;
        }

        values = [];
        string? error = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                error ??= "wrong-type: upstream must contain objects";
                reader.Skip();
                continue;
            }

            string? modelId = null;
            string? eventId = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isModel = reader.ValueTextEquals("modelId"u8);
                var isEvent = reader.ValueTextEquals("eventId"u8);
                reader.Read();
                if ((isModel || isEvent) && reader.TokenType == JsonTokenType.String)
                {
                    if (isModel)
                    {
                        modelId = InternString(ref reader);
                    }
                    else
                    {
                        eventId = reader.GetString();
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            if (modelId is null || !Identifiers.IsValidPathId(modelId))
            {
                error ??= $"invalid-field: upstream[].modelId must be {ContractIdentifiers.PathIdRule}";
                continue;
            }

            values.Add(new UpstreamRef(modelId, eventId));
        }

        return error;
    }

    private string InternString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var raw = reader.ValueSpan;
            if (_pool.TryGetUtf8(raw, out var known))
            {
                return known;
            }

            var decoded = InternChars(ref reader);
            _pool.AddUtf8(raw, decoded);
            return decoded;
        }

        return InternChars(ref reader);
    }

    private string InternChars(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (length <= StackCharLimit)
        {
            // A reused buffer: a stackalloc would be zeroed on every one of the ~30 strings per event.
            var written = reader.CopyString(_chars);
            return _pool.Intern(_chars.AsSpan(0, written));
        }

        var rented = ArrayPool<char>.Shared.Rent(length);
        try
        {
            var written = reader.CopyString(rented);
            return _pool.Intern(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Positions on a container value: true when it is the <paramref name="expected"/> container; false for null
    /// (no error) or for any other value, which is skipped and described in <paramref name="error"/>.
    /// </summary>
    private static bool TryEnter(ref Utf8JsonReader reader, JsonTokenType expected, string field, string shape, out string? error)
    {
        error = null;
        if (reader.TokenType == expected)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            var token = reader.TokenType;
            reader.Skip();
            error = $"wrong-type: {field} must be {shape}, got {Describe(token)}";
        }

        return false;
    }

    private static double ReadDouble(ref Utf8JsonReader reader) =>
        !reader.HasValueSequence && FastDouble.TryParse(reader.ValueSpan, out var value) ? value : reader.GetDouble();

    /// <summary>The number rule for the bytes of a JSON number token, for callers without a reader.</summary>
    internal static bool TryConvertNumber(ReadOnlySpan<byte> jsonNumber, out double value)
    {
        if (FastDouble.TryParse(jsonNumber, out value))
        {
            return true;
        }

        var reader = new Utf8JsonReader(jsonNumber);
        try
        {
            if (reader.Read() && reader.TokenType == JsonTokenType.Number)
            {
                // FastDouble has already declined these digits: go straight to the reader's own conversion.
                value = reader.GetDouble();
                return true;
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
        }

        return false;
    }

    internal static bool TryNonFinite(ReadOnlySpan<byte> raw, out double value)
    {
        if (raw.SequenceEqual("NaN"u8))
        {
            value = double.NaN;
            return true;
        }

        if (raw.SequenceEqual("Infinity"u8))
        {
            value = double.PositiveInfinity;
            return true;
        }

        if (raw.SequenceEqual("-Infinity"u8))
        {
            value = double.NegativeInfinity;
            return true;
        }

        value = 0;
        return false;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
