using System.ComponentModel.DataAnnotations;

namespace ModelMonitor.Service.Http;

/// <summary>Timeouts and retries of one kind of outgoing call (ARM, scoring endpoints).</summary>
public sealed class HttpRetryOptions
{
    /// <summary>Attempts in all, the first included. <value>Default 4.</value></summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry, doubled for each further one unless the server sends Retry-After. <value>Default 1 s.</value></summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one delay, Retry-After included. <value>Default 30 s.</value></summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of one attempt. <value>Default 30 s.</value></summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
