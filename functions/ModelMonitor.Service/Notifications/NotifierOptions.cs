using System.ComponentModel.DataAnnotations;

namespace ModelMonitor.Service.Notifications;

/// <summary>Timeouts and retries of outgoing notifications; bounded so a broken webhook never holds a check run long.</summary>
public sealed class NotifierOptions
{
    /// <summary>Per attempt.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt.</summary>
    /// <value>3.</value>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubles each retry (with jitter).</summary>
    /// <value>1 second.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait honoured for a Retry-After; longer ones give up instead of holding the run.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
