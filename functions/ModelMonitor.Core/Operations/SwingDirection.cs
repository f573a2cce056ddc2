namespace ModelMonitor.Core.Operations;

/// <summary>Which way a usage swing must go to count; serialized in lower case.</summary>
public enum SwingDirection
{
    /// <summary>Only increases.</summary>
    Rise = 0,

    /// <summary>Only decreases.</summary>
    Fall = 1,

    /// <summary>Either way.</summary>
    Both = 2,
}
