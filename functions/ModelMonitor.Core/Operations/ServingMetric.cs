namespace ModelMonitor.Core.Operations;

/// <summary>A serving number that the usage-swing rules watch; serialized in lower case.</summary>
public enum ServingMetric
{
    /// <summary>Prediction events (requests) in the period.</summary>
    Requests = 0,

    /// <summary>p95 latency in milliseconds.</summary>
    Latency = 1,

    /// <summary>Requests whose status is not a success status.</summary>
    Errors = 2,

    /// <summary>Mean CPU milliseconds per request.</summary>
    Cpu = 3,

    /// <summary>Mean memory (MB) per request.</summary>
    Memory = 4,
}
