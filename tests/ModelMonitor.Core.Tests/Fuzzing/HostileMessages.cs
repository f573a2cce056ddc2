using System.Globalization;
using System.Text;

namespace ModelMonitor.Core.Tests.Fuzzing;

/// <summary>
/// Seeded generator of what a hostile or broken producer can send: valid events, their mutations (truncation, byte
/// flips, duplicate keys, wrong types), random bytes, deep nesting, huge strings and arrays, out-of-range numbers,
/// Unicode edge cases, bare NaN/Infinity, and ids built to walk out of a blob prefix. Same seed, same bytes.
/// </summary>
internal static class HostileMessages
{
    public static readonly DateTimeOffset Arrival = new(2026, 11, 25, 10, 30, 0, TimeSpan.Zero);

    /// <summary>Id payloads as JSON string contents (escapes are JSON escapes, so "\\ud800" is a lone surrogate).</summary>
    private static readonly string[] Ids =
    [
        "fraud", "pricing", "m-1", "v1.2_3", "..", ".", "../etc", "..%2f..", "%2e%2e", "%2e%2e%2fwindows", "a/b", "/abs", "a\\\\b",
        "..\\\\..\\\\x", "\\u0000", "x\\u0000y", "\\u202eevil", "\\ud800", "\\udfff\\ud800", "\\ufeffbom", "CON", "", " ", "a b",
        "\\u65e5\\u672c", "\\t", "\\u0085", "\\u001b[31m", "x\\ny", new string('a', 64), new string('a', 65), "e\\u0301",
    ];

    private static readonly string[] NumberTexts =
    [
        "0", "-0", "1", "-1", "12.5", "1e308", "1e309", "-1e400", "1e-400", "4.9e-324", "123456789012345678901234567890",
        "9007199254740993", "0.1e-99999", "1E+2", "00", "01", "1.", ".5", "+1", "0x10", "NaN", "Infinity", "-Infinity", "nan",
    ];

    private static readonly string[] WrongValues = ["null", "true", "[]", "{}", "[1,2]", "{\"a\":1}", "\"text\"", "-1", "1e999", "\"\"", "NaN"];

    private static readonly string[] Fields = ["schema", "eventId", "modelId", "modelVersion", "timestamp", "features", "prediction", "latencyMs", "status", "label", "observedAt"];

    public static List<byte[]> Batch(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => Message(random))];

    public static byte[] Message(Random random) => random.Next(16) switch
    {
        0 or 1 or 2 => Utf8(ValidEvent(random)),
        3 => Truncated(random, Utf8(ValidEvent(random))),
        4 => Flipped(random, Utf8(ValidEvent(random))),
        5 => RandomBytes(random, random.Next(0, 600)),
        6 => Utf8(DuplicateKey(random)),
        7 => Utf8(WrongType(random)),
        8 => Utf8(DeepNesting(random)),
        9 => Utf8(HugeString(random)),
        10 => Utf8(ArrayMessage(random)),
        11 => Utf8(HostileIds(random)),
        12 => Bom(random),
        13 => Utf8(Pick(random, ["", " ", "null", "[]", "[[]]", "{}", "\"x\"", "42", "[,]", "{\"schema\":}", "\u0000", "]", "[{}", "{\"a\":1}{\"b\":2}"])),
        14 => Utf8(Numbers(random)),
        _ => Utf8(BareNonFinite(random)),
    };

    public static string ValidEvent(Random random, string? model = null, string? version = null)
    {
        var when = Arrival.AddSeconds(-random.Next(0, 7200)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var id = "e-" + random.Next().ToString(CultureInfo.InvariantCulture);
        model ??= Pick(random, ["fraud", "pricing", "recs"]);
        version ??= Pick(random, ["1", "2"]);
        return random.Next(4) == 0
            ? $$"""{"schema":"outcome/v1","eventId":"{{id}}","modelId":"{{model}}","modelVersion":"{{version}}","timestamp":"{{when}}","observedAt":"{{when}}","label":{{random.Next(2)}},"prediction":0.{{random.Next(10)}}}"""
            : $$"""{"schema":"prediction/v1","eventId":"{{id}}","modelId":"{{model}}","modelVersion":"{{version}}","timestamp":"{{when}}","features":{"amount":{{random.Next(1000)}},"country":"{{Pick(random, ["DE", "FR", "\\u202eUS", "\\ud800"])}}"},"prediction":0.{{random.Next(10)}},"latencyMs":{{random.Next(50)}},"status":"ok"}""";
    }

    private static byte[] Truncated(Random random, byte[] body) => body[..random.Next(0, body.Length)];

    private static byte[] Flipped(Random random, byte[] body)
    {
        for (var i = random.Next(1, 4); i > 0 && body.Length > 0; i--)
        {
            body[random.Next(body.Length)] = (byte)random.Next(256);
        }

        return body;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Bom(Random random) => [0xEF, 0xBB, 0xBF, .. Utf8(ValidEvent(random))];

    private static string DuplicateKey(Random random)
    {
        var body = ValidEvent(random);
        var field = Pick(random, Fields);
        var value = random.Next(2) == 0 ? "\"" + Pick(random, Ids) + "\"" : Pick(random, WrongValues);
        return body[..^1] + $",\"{field}\":{value}}}";
    }

    private static string WrongType(Random random)
    {
        var field = Pick(random, Fields);
        var body = ValidEvent(random);
        var start = body.IndexOf($"\"{field}\":", StringComparison.Ordinal);
        if (start < 0)
        {
            return body[..^1] + $",\"{field}\":{Pick(random, WrongValues)}}}";
        }

        var valueStart = start + field.Length + 3;
        var valueEnd = body[valueStart] == '{' ? body.IndexOf('}', valueStart) + 1 : body.IndexOfAny([',', '}'], valueStart);
        if (valueEnd <= valueStart)
        {
            valueEnd = body.Length - 1;
        }

        return body[..valueStart] + Pick(random, WrongValues) + body[valueEnd..];
    }

    private static string DeepNesting(Random random)
    {
        var depth = random.Next(2) == 0 ? random.Next(10, 40) : random.Next(100, 5000);
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var nest = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        return random.Next(2) == 0 ? nest : ValidEvent(random)[..^1] + ",\"features\":{\"x\":" + nest + "}}";
    }

    private static string HugeString(Random random)
    {
        var text = new string((char)random.Next('a', 'z'), random.Next(1, 200_000));
        return random.Next(2) == 0
            ? ValidEvent(random)[..^1] + ",\"features\":{\"notes\":\"" + text + "\"}}"
            : ValidEvent(random, model: text[..Math.Min(text.Length, random.Next(1, 300))]);
    }

    private static string ArrayMessage(Random random)
    {
        var count = random.Next(3) == 0 ? random.Next(200, 3000) : random.Next(1, 20);
        var elements = Enumerable.Range(0, count).Select(_ => random.Next(4) switch
        {
            0 => ValidEvent(random),
            1 => Pick(random, WrongValues),
            2 => Pick(random, NumberTexts),
            _ => HostileIds(random),
        });
        return "[" + string.Join(random.Next(5) == 0 ? " , " : ",", elements) + "]";
    }

    private static string HostileIds(Random random) =>
        ValidEvent(random, model: Pick(random, Ids), version: random.Next(2) == 0 ? Pick(random, Ids) : "1")
            .Replace("\"eventId\":\"", "\"eventId\":\"" + Pick(random, Ids), StringComparison.Ordinal);

    private static string Numbers(Random random) =>
        ValidEvent(random)[..^1] + $",\"features\":{{\"n\":{Pick(random, NumberTexts)}}},\"latencyMs\":{Pick(random, NumberTexts)},\"prediction\":{Pick(random, NumberTexts)}}}";

    private static string BareNonFinite(Random random) =>
        ValidEvent(random)[..^1] + $",\"features\":{{\"x\":{Pick(random, ["NaN", "Infinity", "-Infinity"])},\"s\":\"NaN\"}},\"prediction\":{Pick(random, ["NaN", "0.5", "-Infinity"])}}}";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
