using System.Text;
using System.Text.Json;
using ModelMonitor.Core.Events;
using ModelMonitor.Tests.Shared;

namespace ModelMonitor.Client.Tests.Events;

/// <summary>
/// One identifier rule, checked on both sides in the same test: for every shared case the producer's validation and
/// the service's parser (fast path and general path) give the same answer, and what the producer accepts and writes,
/// with its own escaping, the service accepts too.
/// </summary>
public sealed class IdentifierAgreementTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(IdentifierCases.PathIds), MemberType = typeof(IdentifierCases))]
    public void ModelId_ClientAndServiceAgree(string modelId, bool expected) =>
        AssertAgree(() => new PredictionEvent("e1", modelId, "1", At), Body(modelId: modelId), expected);

    [Theory]
    [MemberData(nameof(IdentifierCases.PathIds), MemberType = typeof(IdentifierCases))]
    public void ModelVersion_ClientAndServiceAgree(string modelVersion, bool expected) =>
        AssertAgree(() => new PredictionEvent("e1", "m", modelVersion, At), Body(modelVersion: modelVersion), expected);

    [Theory]
    [MemberData(nameof(IdentifierCases.PathIds), MemberType = typeof(IdentifierCases))]
    public void UpstreamModelId_ClientAndServiceAgree(string modelId, bool expected) =>
        AssertAgree(
            () => new PredictionEvent("e1", "m", "1", At) { Upstream = [new UpstreamRef(modelId, "u1")] },
            Body(more: $",\"upstream\":[{{\"modelId\":{Json(modelId)},\"eventId\":\"u1\"}}]"),
            expected);

    [Theory]
    [MemberData(nameof(IdentifierCases.EventIds), MemberType = typeof(IdentifierCases))]
    public void EventId_ClientAndServiceAgree(string eventId, bool expected)
    {
        AssertAgree(() => new PredictionEvent(eventId, "m", "1", At), Body(eventId: eventId), expected);
        AssertAgree(() => new OutcomeEvent(eventId, "m", "1", At) { Label = "x" }, Body(eventId: eventId, schema: "outcome/v1"), expected);
    }

    private static void AssertAgree(Func<object> create, byte[] handWritten, bool expected)
    {
        object? created = null;
        var clientAccepts = true;
        try
        {
            created = create();
        }
        catch (ArgumentException)
        {
            clientAccepts = false;
        }

        foreach (var fastPath in new[] { true, false })
        {
            Assert.True(clientAccepts == ParserAccepts(handWritten, fastPath), $"client {(clientAccepts ? "accepts" : "refuses")}, service (fast path {fastPath}) does not");

            // The producer's own bytes (its escaping, not the hand-written JSON) must be accepted too.
            if (created is not null)
            {
                var written = created switch
                {
                    PredictionEvent p => EventSerializer.Serialize(p),
                    OutcomeEvent o => EventSerializer.Serialize(o),
                    _ => throw new InvalidOperationException(created.GetType().Name),
                };
                Assert.True(ParserAccepts(written, fastPath), $"service (fast path {fastPath}) refuses what the client wrote: {Encoding.UTF8.GetString(written)}");
            }
        }

        Assert.Equal(expected, clientAccepts);
    }

    private static bool ParserAccepts(byte[] body, bool fastPath)
    {
        var results = new List<ParseResult>();
        new EventParser { UseFastPath = fastPath }.Parse(body, At.AddMinutes(5), results);
        return Assert.Single(results).IsValid;
    }

    private static byte[] Body(string eventId = "e1", string modelId = "m", string modelVersion = "1", string more = "", string schema = "prediction/v1") =>
        Encoding.UTF8.GetBytes(
            $$"""{"schema":"{{schema}}","eventId":{{Json(eventId)}},"modelId":{{Json(modelId)}},"modelVersion":{{Json(modelVersion)}},"timestamp":"2026-11-25T10:00:00Z"{{more}}}""");

    // Escapes only what JSON requires (quotes, control characters), so identifiers reach the fast path unescaped.
    private static string Json(string value) =>
        JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
