using ModelMonitor.Contract;

namespace ModelMonitor.Client;

/// <summary>Limits of event contract v1, enforced by the producer so bad events never reach Event Hubs.</summary>
public static class EventLimits
{
    /// <summary>Longest <c>modelId</c> or <c>modelVersion</c>: 64 characters of <c>[A-Za-z0-9._-]</c>, not ending in '.'.</summary>
    public const int MaxIdentifierLength = ContractLimits.MaxPathIdLength;

    /// <summary>Longest <c>eventId</c>: 128 characters.</summary>
    public const int MaxEventIdLength = ContractLimits.MaxEventIdLength;

    /// <summary>Most features in one prediction: 1,000.</summary>
    public const int MaxFeatures = ContractLimits.MaxFeatures;

    /// <summary>Largest serialized message body: 1 MiB (1,048,576 bytes).</summary>
    public const int MaxMessageBytes = ContractLimits.MaxMessageBytes;
}
