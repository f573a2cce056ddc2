using System.Text;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Tests.Events;

public class EventParserTests
{
    private static readonly DateTimeOffset Arrival = new(2026, 11, 25, 10, 5, 0, TimeSpan.Zero);

    private const string Prediction = """
        {"schema":"prediction/v1","eventId":"e-1","modelId":"fraud","modelVersion":"3.1.0","timestamp":"2026-11-25T10:00:00.123Z",
         "callerId":"tenant-42","slot":"production","features":{"amount":12.5,"country":"DE","age":null,"vip":true},
         "prediction":0.87,"predictedLabel":"fraud","latencyMs":12.3,"cpuMs":4.1,"memoryMb":512,"status":"ok",
         "items":["sku1","sku2"],"upstream":[{"modelId":"embedder","eventId":"u-1"}]}
        """;

    private static List<ParseResult> Parse(string body, ParserLimits? limits = null)
    {
        var results = new List<ParseResult>();
        new EventParser(limits).Parse(Encoding.UTF8.GetBytes(body), Arrival, results);
        return results;
    }

    private static string SingleError(string body, ParserLimits? limits = null)
    {
        var result = Assert.Single(Parse(body, limits));
        Assert.False(result.IsValid);
        return result.Error!;
    }

    [Fact]
    public void Parse_FullPrediction_ReadsEveryField()
    {
        var e = Assert.Single(Parse(Prediction)).Event!;

        Assert.Equal(EventKind.Prediction, e.Kind);
        Assert.Equal("e-1", e.EventId);
        Assert.Equal("fraud", e.ModelId);
        Assert.Equal("3.1.0", e.ModelVersion);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, 123, TimeSpan.Zero), e.Timestamp);
        Assert.Equal("tenant-42", e.CallerId);
        Assert.Equal("production", e.Slot);
        Assert.Equal(4, e.Features.Count);
        Assert.Equal(FieldValue.FromNumber(12.5), e.Features[0].Value);
        Assert.Equal(FieldValue.FromString("DE"), e.Features[1].Value);
        Assert.True(e.Features[2].Value.IsNull);
        Assert.Equal(ValueKind.Boolean, e.Features[3].Value.Kind);
        Assert.Equal(0.87, e.Prediction.Number);
        Assert.Equal("fraud", e.PredictedLabel);
        Assert.Equal(12.3, e.LatencyMs);
        Assert.Equal(4.1, e.CpuMs);
        Assert.Equal(512, e.MemoryMb);
        Assert.Equal("ok", e.Status);
        Assert.Equal(["sku1", "sku2"], e.Items);
        Assert.Equal(new UpstreamRef("embedder", "u-1"), Assert.Single(e.Upstream));
    }

    [Fact]
    public void Parse_Outcome_ReadsLabelAndClicks()
    {
        var e = Assert.Single(Parse("""
            {"schema":"outcome/v1","eventId":"e-1","modelId":"fraud","modelVersion":"3.1.0","timestamp":"2026-11-25T10:00:00.123Z",
             "observedAt":"2026-11-26T08:00:00Z","label":"fraud","prediction":0.87,"predictedLabel":"fraud","clickedItems":["sku2"]}
            """)).Event!;

        Assert.Equal(EventKind.Outcome, e.Kind);
        Assert.Equal(FieldValue.FromString("fraud"), e.Label);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero), e.ObservedAt);
        Assert.Equal(["sku2"], e.ClickedItems);
    }

    [Fact]
    public void Parse_ArrayBody_ValidatesEachElementSeparately()
    {
        var body = $"[{Prediction}, {{\"schema\":\"prediction/v1\"}}, 42, {Prediction}]";

        var results = Parse(body);

        Assert.Equal([0, 1, 2, 3], results.Select(r => r.Index));
        Assert.True(results[0].IsValid);
        Assert.StartsWith("missing-field: eventId", results[1].Error);
        Assert.StartsWith("not-an-object", results[2].Error);
        Assert.True(results[3].IsValid);
    }

    [Theory]
    [InlineData("slot")]
    [InlineData("eventId")]
    [InlineData("features")]
    public void Parse_InvalidUtf8InAString_IsRejectedNotThrown(string field)
    {
        // Utf8JsonReader reads such bytes without complaint; only decoding the string finds them (found by the
        // fast-path mutation tests: it used to throw out of Parse and fail the whole batch).
        var value = field == "features" ? "{\"x\":\"a?\"}" : "\"a?\"";
        var body = Encoding.UTF8.GetBytes($"{{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\",\"{field}\":{value}}}".Replace("\"eventId\":\"e\",\"modelId", field == "eventId" ? "\"modelId" : "\"eventId\":\"e\",\"modelId", StringComparison.Ordinal));
        body[Array.LastIndexOf(body, (byte)'?')] = 0xC3;
        var results = new List<ParseResult>();

        new EventParser().Parse(body, Arrival, results);

        Assert.StartsWith("invalid-json: a string is not valid UTF-8", Assert.Single(results).Error);
    }

    [Theory]
    [InlineData("{\"schema\":\"prediction/v1\",", "invalid-json")]
    [InlineData("", "invalid-json")]
    [InlineData("not json", "invalid-json")]
    [InlineData("{} {}", "invalid-json")]
    [InlineData("[]", "empty-array")]
    [InlineData("\"text\"", "not-an-object")]
    [InlineData("{\"schema\":\"prediction/v2\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\"}", "unsupported-schema")]
    [InlineData("{\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\"}", "missing-field: schema")]
    [InlineData("{\"schema\":\"prediction/v1\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\"}", "missing-field: eventId")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\"}", "missing-field: eventId")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\"}", "missing-field: modelId")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"timestamp\":\"2026-11-25T10:00:00Z\"}", "missing-field: modelVersion")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\"}", "missing-field: timestamp")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"../x\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\"}", "invalid-field: modelId")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"..\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\"}", "invalid-field: modelId")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"a/b\",\"timestamp\":\"2026-11-25T10:00:00Z\"}", "invalid-field: modelVersion")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00\"}", "invalid-timestamp")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"yesterday\"}", "invalid-timestamp")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":12345}", "wrong-type: timestamp")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":7,\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\"}", "wrong-type: eventId")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\",\"features\":[1,2]}", "wrong-type: features")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\",\"features\":{\"x\":{\"nested\":1}}}", "wrong-type: features.x")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\",\"latencyMs\":\"fast\"}", "wrong-type: latencyMs")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\",\"items\":[1]}", "wrong-type: items")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\",\"prediction\":[0.1]}", "wrong-type: prediction")]
    [InlineData("{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-27T10:00:00Z\"}", "timestamp-in-future")]
    public void Parse_InvalidEvent_ReturnsReason(string body, string expectedReasonPrefix)
    {
        Assert.StartsWith(expectedReasonPrefix, SingleError(body));
    }

    [Theory]
    [InlineData("{\"features\":{\"x\":{\"nested\":1}}}", "wrong-type: features.x must be a number, string, boolean or null, got an object")]
    [InlineData("{\"latencyMs\":[1]}", "wrong-type: latencyMs must be a number, got an array")]
    [InlineData("{\"schema\":{}}", "wrong-type: schema must be a string, got an object")]
    public void Parse_WrongType_DescribesTheTokenThatArrived(string body, string expected)
    {
        Assert.Equal(expected, SingleError(body));
    }

    [Fact]
    public void Parse_ArrayWithNonObject_DescribesTheElement()
    {
        Assert.Equal("not-an-object: array element is a number", Parse("[42]").Single().Error);
        Assert.Equal("not-an-object: body is a string", SingleError("\"x\""));
    }

    [Fact]
    public void Parse_EventIdLongerThan128_IsRejected()
    {
        var body = $"{{\"schema\":\"prediction/v1\",\"eventId\":\"{new string('x', 129)}\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\"}}";
        Assert.StartsWith("invalid-field: eventId", SingleError(body));
    }

    [Fact]
    public void Parse_ModelIdOf65Characters_IsRejected_And64IsAccepted()
    {
        static string Body(int length) => $"{{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"{new string('m', length)}\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\"}}";
        Assert.True(Assert.Single(Parse(Body(64))).IsValid);
        Assert.StartsWith("invalid-field: modelId", SingleError(Body(65)));
    }

    [Fact]
    public void Parse_MessageOverLimit_IsRejectedWithoutParsing()
    {
        var body = Prediction + new string(' ', 2000);
        var error = SingleError(body, new ParserLimits(1024, 1000, TimeSpan.FromDays(1)));
        Assert.StartsWith("oversized", error);
    }

    [Fact]
    public void Parse_MoreFeaturesThanLimit_IsRejected()
    {
        var features = string.Join(",", Enumerable.Range(0, 1001).Select(i => $"\"f{i}\":{i}"));
        var body = $"{{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\",\"features\":{{{features}}}}}";
        Assert.StartsWith("too-many-features", SingleError(body));
    }

    [Fact]
    public void Parse_ExactlyTheFeatureLimit_IsAccepted()
    {
        var features = string.Join(",", Enumerable.Range(0, 1000).Select(i => $"\"f{i}\":{i}"));
        var body = $"{{\"schema\":\"prediction/v1\",\"eventId\":\"e\",\"modelId\":\"m\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:00:00Z\",\"features\":{{{features}}}}}";
        Assert.Equal(1000, Assert.Single(Parse(body)).Event!.Features.Count);
    }

    [Fact]
    public void Parse_NonFiniteAsStrings_AreNumbers()
    {
        var e = Assert.Single(Parse("""
            {"schema":"prediction/v1","eventId":"e","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z",
             "features":{"a":"NaN","b":"Infinity","c":"-Infinity","d":"nan"},"latencyMs":"NaN"}
            """)).Event!;

        Assert.True(double.IsNaN(e.Features[0].Value.Number));
        Assert.Equal(double.PositiveInfinity, e.Features[1].Value.Number);
        Assert.Equal(double.NegativeInfinity, e.Features[2].Value.Number);
        Assert.Equal(FieldValue.FromString("nan"), e.Features[3].Value);
        Assert.True(double.IsNaN(e.LatencyMs!.Value));
    }

    [Fact]
    public void Parse_BarePythonNonFiniteTokens_AreNumbers_AndStringsStayUntouched()
    {
        var e = Assert.Single(Parse("""
            {"schema":"prediction/v1","eventId":"e","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z",
             "features":{"a":NaN,"b":Infinity,"c":-Infinity,"note":"NaN Infinity \" NaN"},"prediction":NaN}
            """)).Event!;

        Assert.True(double.IsNaN(e.Features[0].Value.Number));
        Assert.Equal(double.PositiveInfinity, e.Features[1].Value.Number);
        Assert.Equal(double.NegativeInfinity, e.Features[2].Value.Number);
        Assert.Equal("NaN Infinity \" NaN", e.Features[3].Value.Text);
        Assert.True(double.IsNaN(e.Prediction.Number));
    }

    [Fact]
    public void Parse_UnknownFields_AreIgnored()
    {
        var e = Assert.Single(Parse("""
            {"schema":"prediction/v1","future":{"deep":[1,2,{"x":null}]},"eventId":"e","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z","extra":true}
            """)).Event;
        Assert.NotNull(e);
    }

    [Fact]
    public void Parse_EscapedPropertyNamesAndValues_AreUnescaped()
    {
        var e = Assert.Single(Parse("""
            {"sch\u0065ma":"prediction/v1","eventId":"e","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z","features":{"city":"K\u00f6ln"}}
            """)).Event!;
        Assert.Equal("Köln", e.Features[0].Value.Text);
    }

    [Fact]
    public void Parse_TimestampWithOffset_IsNormalisedToUtc()
    {
        var e = Assert.Single(Parse("""
            {"schema":"prediction/v1","eventId":"e","modelId":"m","modelVersion":"1","timestamp":"2026-11-25T12:00:00+02:00"}
            """)).Event!;
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), e.Timestamp);
        Assert.Equal(TimeSpan.Zero, e.Timestamp.Offset);
    }

    [Fact]
    public void Parse_RepeatedStrings_AreInterned()
    {
        var parser = new EventParser();
        var results = new List<ParseResult>();
        parser.Parse(Encoding.UTF8.GetBytes(Prediction), Arrival, results);
        parser.Parse(Encoding.UTF8.GetBytes(Prediction), Arrival, results);

        Assert.Same(results[0].Event!.Features[1].Value.Text, results[1].Event!.Features[1].Value.Text);
        Assert.Same(results[0].Event!.Features[0].Name, results[1].Event!.Features[0].Name);
    }
}
