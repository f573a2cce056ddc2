using System.Text;
using System.Text.Json;
using ModelMonitor.Core.Events;
using ModelMonitor.Tests.Shared;

namespace ModelMonitor.Core.Tests.Events;

/// <summary>
/// The service side of the identifier rule, on the cases the client tests share (<see cref="IdentifierCases"/>), through
/// both parsers: the fast scanner and the general parser must agree with each other and with the case.
/// </summary>
public sealed class IdentifierRuleTests
{
    private static readonly DateTimeOffset Arrival = new(2026, 11, 25, 10, 5, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(IdentifierCases.PathIds), MemberType = typeof(IdentifierCases))]
    public void ModelId_IsAcceptedExactlyWhenTheContractSays(string modelId, bool accepted) =>
        AssertAccepted(Event(modelId: modelId), accepted, "modelId");

    [Theory]
    [MemberData(nameof(IdentifierCases.PathIds), MemberType = typeof(IdentifierCases))]
    public void ModelVersion_IsAcceptedExactlyWhenTheContractSays(string modelVersion, bool accepted) =>
        AssertAccepted(Event(modelVersion: modelVersion), accepted, "modelVersion");

    [Theory]
    [MemberData(nameof(IdentifierCases.PathIds), MemberType = typeof(IdentifierCases))]
    public void UpstreamModelId_IsAcceptedExactlyWhenTheContractSays(string modelId, bool accepted) =>
        AssertAccepted(Event(more: $",\"upstream\":[{{\"modelId\":{Json(modelId)},\"eventId\":\"u1\"}}]"), accepted, "upstream");

    [Theory]
    [MemberData(nameof(IdentifierCases.EventIds), MemberType = typeof(IdentifierCases))]
    public void EventId_IsAcceptedExactlyWhenTheContractSays(string eventId, bool accepted) =>
        AssertAccepted(Event(eventId: eventId), accepted, "eventId");

    [Theory]
    [MemberData(nameof(IdentifierCases.PathIds), MemberType = typeof(IdentifierCases))]
    public void Identifiers_IsValidPathId_IsTheRuleTheParserApplies(string value, bool accepted) =>
        Assert.Equal(accepted, Identifiers.IsValidPathId(value));

    private static void AssertAccepted(byte[] body, bool accepted, string field)
    {
        foreach (var fastPath in new[] { true, false })
        {
            var results = new List<ParseResult>();
            new EventParser { UseFastPath = fastPath }.Parse(body, Arrival, results);
            var result = Assert.Single(results);
            Assert.True(accepted == result.IsValid, $"fast path {fastPath}: expected {(accepted ? "valid" : "invalid")}, got {result.Error ?? "valid"}");
            if (!accepted)
            {
                Assert.Contains(field, result.Error, StringComparison.Ordinal);
            }
        }
    }

    private static byte[] Event(string eventId = "e1", string modelId = "m", string modelVersion = "1", string more = "") =>
        Encoding.UTF8.GetBytes(
            $$"""{"schema":"prediction/v1","eventId":{{Json(eventId)}},"modelId":{{Json(modelId)}},"modelVersion":{{Json(modelVersion)}},"timestamp":"2026-11-25T10:00:00Z"{{more}}}""");

    // Escapes what needs escaping (quotes, control characters) and nothing else, so ids reach the fast path unescaped.
    private static string Json(string value) =>
        JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
