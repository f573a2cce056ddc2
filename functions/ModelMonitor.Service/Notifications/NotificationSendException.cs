namespace ModelMonitor.Service.Notifications;

/// <summary>A channel refused or failed a send; <see cref="IsTransient"/> decides whether it is retried.</summary>
public sealed class NotificationSendException : Exception
{
    public NotificationSendException()
    {
    }

    public NotificationSendException(string message)
        : base(message)
    {
    }

    public NotificationSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NotificationSendException(string message, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    /// <summary>Worth retrying (408, 429, 5xx, connection failures).</summary>
    public bool IsTransient { get; }

    /// <summary>The server's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}
