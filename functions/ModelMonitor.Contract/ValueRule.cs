namespace ModelMonitor.Contract;

/// <summary>The rule a field's string value must follow, on both the producer and the service side.</summary>
public enum ValueRule : byte
{
    /// <summary>Any string.</summary>
    None,

    /// <summary><see cref="ContractIdentifiers.IsValidPathId"/>: the value becomes a blob path segment and a table key.</summary>
    PathId,

    /// <summary><see cref="ContractIdentifiers.IsValidEventId"/>: compared and stored, never a path or key.</summary>
    EventId,
}
