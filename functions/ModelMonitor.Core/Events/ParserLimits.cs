using ModelMonitor.Contract;

namespace ModelMonitor.Core.Events;

/// <summary>Validation limits of contract v1.</summary>
/// <param name="MaxMessageBytes">Largest message body accepted. Default 1 MiB.</param>
/// <param name="MaxFeatures">Most features per event. Default 1,000.</param>
/// <param name="MaxFutureSkew">How far ahead of arrival an event timestamp may be. Default 1 day.</param>
public sealed record ParserLimits(int MaxMessageBytes, int MaxFeatures, TimeSpan MaxFutureSkew)
{
    public const int MaxEventIdLength = ContractLimits.MaxEventIdLength;
    public const int MaxIdLength = ContractLimits.MaxPathIdLength;

    public static ParserLimits Default { get; } = new(ContractLimits.MaxMessageBytes, ContractLimits.MaxFeatures, TimeSpan.FromDays(1));

    public int MaxMessageBytes { get; } = MaxMessageBytes > 0 ? MaxMessageBytes : throw new ArgumentOutOfRangeException(nameof(MaxMessageBytes), MaxMessageBytes, "Must be positive.");

    public int MaxFeatures { get; } = MaxFeatures > 0 ? MaxFeatures : throw new ArgumentOutOfRangeException(nameof(MaxFeatures), MaxFeatures, "Must be positive.");

    public TimeSpan MaxFutureSkew { get; } = MaxFutureSkew >= TimeSpan.Zero ? MaxFutureSkew : throw new ArgumentOutOfRangeException(nameof(MaxFutureSkew), MaxFutureSkew, "Must not be negative.");
}
