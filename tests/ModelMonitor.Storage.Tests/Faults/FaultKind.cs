namespace ModelMonitor.Storage.Tests.Faults;

/// <summary>What the <see cref="FaultProxy"/> does to one connection (one request: the clients close after each).</summary>
public enum FaultKind
{
    /// <summary>Forward both ways.</summary>
    Pass,

    /// <summary>Wait a little, then forward.</summary>
    Delay,

    /// <summary>Close without reading: the request never reaches storage.</summary>
    Drop,

    /// <summary>Read the request, then reset (RST) without forwarding it.</summary>
    ResetBeforeForward,

    /// <summary>Forward the request, wait for storage to answer, then reset: applied, but the client never hears.</summary>
    ResetAfterForward,

    /// <summary>Answer 500 Internal Server Error without forwarding.</summary>
    Status500,

    /// <summary>Answer 503 Service Unavailable without forwarding.</summary>
    Status503,
}
