using ModelMonitor.Tests.Shared;

namespace ModelMonitor.Client.Tests.Events;

/// <summary>
/// The producer side of the identifier rule, on the cases the service tests share (<see cref="IdentifierCases"/>): the
/// client refuses exactly the identifiers the service would dead-letter.
/// </summary>
public sealed class IdentifierRuleTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(IdentifierCases.PathIds), MemberType = typeof(IdentifierCases))]
    public void ModelId_IsAcceptedExactlyWhenTheContractSays(string modelId, bool accepted)
    {
        AssertAccepted(() => new PredictionEvent("e1", modelId, "1", At), accepted, "modelId");
        AssertAccepted(() => new OutcomeEvent("e1", modelId, "1", At), accepted, "modelId");
    }

    [Theory]
    [MemberData(nameof(IdentifierCases.PathIds), MemberType = typeof(IdentifierCases))]
    public void ModelVersion_IsAcceptedExactlyWhenTheContractSays(string modelVersion, bool accepted)
    {
        AssertAccepted(() => new PredictionEvent("e1", "m", modelVersion, At), accepted, "modelVersion");
        AssertAccepted(() => new OutcomeEvent("e1", "m", modelVersion, At), accepted, "modelVersion");
    }

    [Theory]
    [MemberData(nameof(IdentifierCases.PathIds), MemberType = typeof(IdentifierCases))]
    public void UpstreamModelId_IsAcceptedExactlyWhenTheContractSays(string modelId, bool accepted) =>
        AssertAccepted(() => new UpstreamRef(modelId, "u1"), accepted, "upstream.modelId");

    [Theory]
    [MemberData(nameof(IdentifierCases.EventIds), MemberType = typeof(IdentifierCases))]
    public void EventId_IsAcceptedExactlyWhenTheContractSays(string eventId, bool accepted)
    {
        AssertAccepted(() => new PredictionEvent(eventId, "m", "1", At), accepted, "eventId");
        AssertAccepted(() => new OutcomeEvent(eventId, "m", "1", At), accepted, "eventId");
    }

    private static void AssertAccepted(Func<object> create, bool accepted, string field)
    {
        if (accepted)
        {
            Assert.NotNull(create());
        }
        else
        {
            var error = Assert.Throws<ArgumentException>(create);
            Assert.Equal(field, error.ParamName);
        }
    }
}
