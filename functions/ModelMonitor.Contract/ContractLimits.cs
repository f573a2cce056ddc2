namespace ModelMonitor.Contract;

/// <summary>The fixed limits of contract v1, enforced alike by the producer and the service.</summary>
public static class ContractLimits
{
    /// <summary>Longest <c>modelId</c>, <c>modelVersion</c> or <c>upstream[].modelId</c>: 64 characters.</summary>
    public const int MaxPathIdLength = 64;

    /// <summary>Longest <c>eventId</c>: 128 characters.</summary>
    public const int MaxEventIdLength = 128;

    /// <summary>Most features per event by default: 1,000.</summary>
    public const int MaxFeatures = 1_000;

    /// <summary>Largest message body by default: 1 MiB.</summary>
    public const int MaxMessageBytes = 1024 * 1024;
}
