namespace ModelMonitor.Contract;

/// <summary>The <c>schema</c> values of contract v1.</summary>
public static class ContractSchemas
{
    public const string PredictionV1 = "prediction/v1";
    public const string OutcomeV1 = "outcome/v1";
}
