using System.Globalization;
using System.Text;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Tests.Events;

/// <summary>
/// The fast path may only accept what the general parser accepts, with the same result. These tests hold it to
/// that on the shapes it is meant to take, on shapes it must leave alone, and on thousands of random mutations.
/// </summary>
public class FastEventScannerTests
{
    private static readonly DateTimeOffset Arrival = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private const string Prediction = """
        {"schema":"prediction/v1","eventId":"e-1","modelId":"fraud","modelVersion":"3.1.0","timestamp":"2026-11-25T10:00:00.123Z",
         "callerId":"tenant-42","slot":"production","features":{"amount":12.5,"country":"DE","age":null,"vip":true,"big":1.5e3,"neg":-0.25,
         "long":0.30000000000000004,"huge":1e400,"nan":"NaN","inf":"-Infinity","off":false},
         "prediction":0.87,"predictedLabel":"fraud","latencyMs":12.3,"cpuMs":"Infinity","memoryMb":512,"status":"ok",
         "items":["sku1","sku2"],"upstream":[{"modelId":"embedder","eventId":"u-1","extra":[1,{"a":null}]}],"future":{"nested":[true,false,null,"x"]}}
        """;

    private const string Outcome = """
        {"schema":"outcome/v1","eventId":"e-1","modelId":"fraud","modelVersion":"3.1.0","timestamp":"2026-11-25T10:00:00+02:00",
         "observedAt":"2026-11-25T11:00:00.1234567Z","label":"fraud","prediction":"fraud","clickedItems":[],"features":{"país":"España"}}
        """;

    private static readonly string[] Seeds =
    [
        Prediction,
        Outcome,
        "[" + Prediction + " , " + Outcome + "]",
        """{"schema":"prediction/v1","eventId":"x","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z","prediction":1,"items":null,"upstream":[]}""",
    ];

    [Theory]
    [MemberData(nameof(SeedBodies))]
    public void TryParse_CommonShapes_TakesTheFastPathWithTheGeneralResult(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var fast = new List<ParseResult>();

        var taken = FastEventScanner.TryParse(bytes, bytes, Arrival, ParserLimits.Default, new ScanMemory(new StringPool()), fast);

        Assert.True(taken);
        Assert.Equal(Describe(ParseGeneral(bytes)), Describe(fast));
    }

    public static TheoryData<string> SeedBodies() => [.. Seeds];

    [Theory]
    [InlineData("""{"schema":"prediction\/v1","eventId":"x","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z"}""")]
    [InlineData("""{"schema":"prediction/v1","eventId":"x","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z","features":{"a":NaN}}""")]
    [InlineData("""{"schema":"prediction/v1","eventId":"x","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z","features":{"a":[1]}}""")]
    [InlineData("""{"schema":"prediction/v1","eventId":"x","modelId":"../m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z"}""")]
    [InlineData("""{"schema":"prediction/v1","eventId":"x","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00"}""")]
    [InlineData("""{"schema":"prediction/v1","eventId":"x","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z",}""")]
    [InlineData("""{"schema":"prediction/v1","eventId":"x","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z","latencyMs":"12"}""")]
    [InlineData("""{"schema":"prediction/v1","eventId":"x","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z","x":01}""")]
    [InlineData("""{"schema":"prediction/v1","eventId":"x","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z"} x""")]
    [InlineData("""[]""")]
    [InlineData("""[{"schema":"prediction/v1","eventId":"x","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z"}, 3]""")]
    [InlineData("""{"schema":"prediction/v1","eventId":"x","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z","callerId":"a""" + "\t" + """b"}""")]
    public void TryParse_AnythingUnusual_LeavesTheBodyToTheGeneralParser(string body)
    {
        var results = new List<ParseResult> { ParseResult.Invalid(7, "earlier") };

        var taken = FastEventScanner.TryParse(Encoding.UTF8.GetBytes(body), default, Arrival, ParserLimits.Default, new ScanMemory(new StringPool()), results);

        Assert.False(taken);
        Assert.Equal(ParseResult.Invalid(7, "earlier"), Assert.Single(results));
    }

    [Fact]
    public void TryParse_InvalidUtf8InAString_LeavesTheBodyToTheGeneralParser()
    {
        var body = Encoding.UTF8.GetBytes("""{"schema":"prediction/v1","eventId":"x","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z","slot":"ab"}""");
        var at = Array.IndexOf(body, (byte)'a', body.Length - 6);
        body[at] = 0xC3; // a lead byte followed by an ASCII 'b': not UTF-8

        Assert.False(FastEventScanner.TryParse(body, body, Arrival, ParserLimits.Default, new ScanMemory(new StringPool()), []));
    }

    [Fact]
    public void Parse_StringsRepeatedAtTheSamePlaces_ReadAsTheGeneralParserReadsThem()
    {
        // One parser for the whole sequence, so each body meets the strings remembered from the one before: a value
        // that extends the last one, a special number spelled as a string, null, and values that change position.
        string[] values = ["\"ok\"", "\"okay\"", "\"ok\"", "\"NaN\"", "\"NaN\"", "\"x\"", "null", "\"NaN\"", "\"Infinity\"", "\"ok\"", "\"\""];
        var fastParser = new EventParser();
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            var previous = values[(i + values.Length - 1) % values.Length];
            var status = value is "\"NaN\"" or "\"Infinity\"" ? "\"ok\"" : value;
            var body = MinimalEvent($"e{i}", $$""","status":{{status}},"features":{"a":{{value}},"b":{{previous}}},"prediction":{{value}},"predictedLabel":{{status}}""");

            Assert.Equal(Describe(ParseGeneral(body)), Describe(ParseWith(fastParser, body)));
        }
    }

    [Theory]
    [InlineData(new[] { 3, 3, 5, 2, 0, 4, 4, 1, 6 })]
    [InlineData(new[] { 0, 0, 2, 70, 1 })]
    public void Parse_FeatureCountChangingBetweenEvents_ReadsEveryFeature(int[] counts)
    {
        // The fast path sizes each feature array by the last object's count: shorter, longer and empty objects must
        // still come out whole, in order.
        var fastParser = new EventParser();
        foreach (var count in counts)
        {
            var features = "{" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"f{i}\":{(i % 2 == 0 ? i.ToString(CultureInfo.InvariantCulture) : $"\"v{i}\"")}")) + "}";
            var body = MinimalEvent($"e{count}", $",\"features\":{features}");

            var fast = ParseWith(fastParser, body);

            Assert.Equal(count, Assert.Single(fast).Event!.Features.Count);
            Assert.Equal(Describe(ParseGeneral(body)), Describe(fast));
        }
    }

    [Fact]
    public void Parse_EventsOfOneShape_ShareTheirNamesUntilANameChanges()
    {
        var parser = new EventParser();
        IReadOnlyList<Feature> Features(string features) => Assert.Single(ParseWith(parser, MinimalEvent("e", $",\"features\":{features}"))).Event!.Features;

        var first = Assert.IsType<FeatureRow>(Features("""{"a":1,"b":"x"}"""));
        var second = Assert.IsType<FeatureRow>(Features("""{"a":2,"b":"y"}"""));
        var renamed = Assert.IsType<FeatureRow>(Features("""{"a":3,"c":"z"}"""));

        Assert.Same(first.Names, second.Names);
        Assert.NotSame(first.Names, renamed.Names);
        Assert.Equal(["a", "b"], first.Names);
        Assert.Equal(["a", "c"], renamed.Names);
        Assert.Equal([FieldValue.FromNumber(2), FieldValue.FromString("y")], second.Values);

        // Shapes taking turns (models interleaved in a partition) find their earlier names array again.
        var back = Assert.IsType<FeatureRow>(Features("""{"a":4,"b":"w"}"""));
        var again = Assert.IsType<FeatureRow>(Features("""{"a":5,"c":"v"}"""));
        var prefix = Assert.IsType<FeatureRow>(Features("""{"a":6}"""));
        Assert.Same(first.Names, back.Names);
        Assert.Same(renamed.Names, again.Names);
        Assert.Equal(["a"], prefix.Names);
    }

    [Theory]
    [InlineData("e-1")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("café-événement")]
    [InlineData("")]
    [InlineData(128)]
    [InlineData(129)]
    public void Parse_FromMemory_IdsReadAsTheGeneralParserReadsThem(object id)
    {
        // Over the memory overload, ASCII ids stay in the body until read; the rest are decoded at once. Either way
        // the id, and the limits on it, come out as the general parser has them.
        var text = id as string ?? new string('x', (int)id);
        var body = MinimalEvent(text);
        var fast = new List<ParseResult>();

        new EventParser().Parse(body.AsMemory(), Arrival, fast);

        Assert.Equal(Describe(ParseGeneral(body)), Describe(fast));
        if (fast[0].Event is { } e)
        {
            Assert.Equal(text, e.EventId);
        }
    }

    [Fact]
    public void Parse_RandomMutationsOfValidBodies_BothPathsAgree()
    {
        // Bytes that steer mutations into JSON's interesting corners: structure, literals, numbers, escapes, UTF-8.
        var alphabet = "{}[]\",:0123456789.-+eEntrufalsNIZT\\ \n\tx"u8.ToArray().Concat(new byte[] { 0xC3, 0xA9, 0x01 }).ToArray();
        var random = new Random(20261125);
        var fastParser = new EventParser();
        var generalParser = new EventParser { UseFastPath = false };
        var fastTaken = 0;
        for (var i = 0; i < 6000; i++)
        {
            var body = Mutate(Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)]), random, alphabet);
            var fast = new List<ParseResult>();
            var general = new List<ParseResult>();

            // Half the bodies through the overload that lets events keep slices of the body (ids decoded lazily).
            if (i % 2 == 0)
            {
                fastParser.Parse(body, Arrival, fast);
            }
            else
            {
                fastParser.Parse(body.AsMemory(), Arrival, fast);
            }

            generalParser.Parse(body, Arrival, general);

            var expected = Describe(general);
            Assert.True(expected == Describe(fast), $"Paths disagree on: {Encoding.UTF8.GetString(body)}");
            if (FastEventScanner.TryParse(body, default, Arrival, ParserLimits.Default, new ScanMemory(new StringPool()), []))
            {
                fastTaken++;
            }
        }

        // Many mutations (inside string values, digits for digits) stay valid: the fast path must have judged some.
        Assert.InRange(fastTaken, 300, 5999);
    }

    [Fact]
    public void UtcTimestamp_AgreesWithTheGeneralRuleWheneverItAccepts()
    {
        var random = new Random(7);
        string[] formats = ["yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fZ", "yyyy-MM-ddTHH:mm:ss.fffZ", "yyyy-MM-ddTHH:mm:ss.fffffffZ", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.ffffffffZ"];
        for (var i = 0; i < 5000; i++)
        {
            var instant = new DateTimeOffset(random.NextInt64(DateTimeOffset.MinValue.Ticks + TimeSpan.TicksPerDay, DateTimeOffset.MaxValue.Ticks - TimeSpan.TicksPerDay), TimeSpan.Zero);
            var format = formats[random.Next(formats.Length)];
            var text = instant.ToString(format.Replace("ffffffff", "fffffff0", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            var raw = Encoding.UTF8.GetBytes(text);
            var quoted = Encoding.UTF8.GetBytes("\"" + text + "\"");

            var generalOk = EventParser.TryReadTimestamp(quoted, out var general);
            if (UtcTimestamp.TryParse(raw, out var fast))
            {
                Assert.True(generalOk, text);
                Assert.Equal(general.UtcTicks, fast.UtcTicks);
                Assert.Equal(general.Offset, fast.Offset);
            }
            else
            {
                Assert.True(format.Contains("zzz", StringComparison.Ordinal) || format.Contains("ffffffff", StringComparison.Ordinal), $"The fast form should accept {text}");
            }
        }
    }

    [Theory]
    [InlineData("2026-02-29T00:00:00Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-11-25T24:00:00Z")]
    [InlineData("2026-11-25T23:59:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2026-11-25t10:00:00Z")]
    [InlineData("2026-11-25T10:00:00.Z")]
    [InlineData("2026-11-25T10:00:00z")]
    public void UtcTimestamp_OutsideItsForm_Declines(string text)
    {
        Assert.False(UtcTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Numbers_EveryFormatting_ConvertExactlyAsTheGeneralParser()
    {
        var random = new Random(11);
        string[] formats = ["R", "G17", "E3", "F2", "F0", "0.###############"];
        for (var i = 0; i < 5000; i++)
        {
            var value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30));
            var text = value.ToString(formats[random.Next(formats.Length)], CultureInfo.InvariantCulture);
            var body = "{\"schema\":\"prediction/v1\",\"eventId\":\"x\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\",\"features\":{\"v\":" + text + "}}";
            var bytes = Encoding.UTF8.GetBytes(body);
            var fast = new List<ParseResult>();

            Assert.True(FastEventScanner.TryParse(bytes, bytes, Arrival, ParserLimits.Default, new ScanMemory(new StringPool()), fast), text);
            Assert.Equal(Describe(ParseGeneral(bytes)), Describe(fast));
        }
    }

    private static List<ParseResult> ParseGeneral(byte[] body) => ParseWith(new EventParser { UseFastPath = false }, body);

    private static List<ParseResult> ParseWith(EventParser parser, byte[] body)
    {
        var results = new List<ParseResult>();
        parser.Parse(body, Arrival, results);
        return results;
    }

    /// <summary>A prediction with only the required fields, then <paramref name="more"/> (members with leading commas).</summary>
    private static byte[] MinimalEvent(string eventId, string more = "") => Encoding.UTF8.GetBytes(
        $$"""{"schema":"prediction/v1","eventId":"{{eventId}}","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z"{{more}}}""");

    private static byte[] Mutate(byte[] body, Random random, byte[] alphabet)
    {
        var list = body.ToList();
        var edits = random.Next(1, 3);
        for (var e = 0; e < edits && list.Count > 0; e++)
        {
            var at = random.Next(list.Count);
            switch (random.Next(5))
            {
                case 0:
                    list.RemoveAt(at);
                    break;
                case 1:
                    list.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                case 2:
                    list[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                case 3:
                    list.RemoveRange(at, list.Count - at);
                    break;
                default:
                    // Digits for digits keep the JSON valid and move numbers, dates and ids around.
                    if (list[at] is >= (byte)'0' and <= (byte)'9')
                    {
                        list[at] = (byte)('0' + random.Next(10));
                    }

                    break;
            }
        }

        return [.. list];
    }

    private static string Describe(List<ParseResult> results) => string.Join("\n", results.Select(Describe));

    private static string Describe(ParseResult result)
    {
        if (result.Event is not { } e)
        {
            return $"{result.Index}: {result.Error}";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{result.Index}: {e.Kind} {e.EventId} {e.ModelId} {e.ModelVersion} {e.Timestamp.UtcTicks}/{e.Timestamp.Offset} ");
        text.Append(CultureInfo.InvariantCulture, $"{e.ObservedAt?.UtcTicks}/{e.ObservedAt?.Offset} {e.CallerId}|{e.Slot}|{e.Status}|{e.PredictedLabel} ");
        text.Append(CultureInfo.InvariantCulture, $"p={Describe(e.Prediction)} l={Describe(e.Label)} {Bits(e.LatencyMs)} {Bits(e.CpuMs)} {Bits(e.MemoryMb)} ");
        text.Append(CultureInfo.InvariantCulture, $"f=[{string.Join(",", e.Features.Select(f => f.Name + "=" + Describe(f.Value)))}] ");
        text.Append(CultureInfo.InvariantCulture, $"i=[{string.Join(",", e.Items)}] c=[{string.Join(",", e.ClickedItems)}] u=[{string.Join(",", e.Upstream)}]");
        return text.ToString();
    }

    private static string Describe(FieldValue value) => $"{value.Kind}:{BitConverter.DoubleToInt64Bits(value.Number):X}:{value.Text}";

    private static string Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString("X", CultureInfo.InvariantCulture) : "-";
}
