namespace ModelMonitor.Client;

/// <summary>
/// Schema identifiers of event contract v1. Each message body carries one in its <c>schema</c> field, and
/// each <c>EventData</c> carries it again as the <c>schema</c> application property so consumers can route
/// without parsing the body.
/// </summary>
public static class EventSchemas
{
    /// <summary>A prediction made by a model: <c>prediction/v1</c>.</summary>
    public const string PredictionV1 = Contract.ContractSchemas.PredictionV1;

    /// <summary>The observed outcome (ground truth, clicks) of an earlier prediction: <c>outcome/v1</c>.</summary>
    public const string OutcomeV1 = Contract.ContractSchemas.OutcomeV1;
}
