using Azure;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Service.Ingestion;

/// <summary>
/// The one place that decides whether a failure may go away by itself. Transient failures are rethrown so the
/// trigger's retry policy redelivers the batch (redelivery is harmless); anything else cannot succeed on retry and
/// would stop its partition for good, so the batch is quarantined instead (<see cref="BatchQuarantine"/>).
/// </summary>
public static class FailureClassifier
{
    /// <summary>
    /// Transient: storage timeouts, throttling and server errors (<see cref="RequestFailedException"/> 408, 429, 5xx, or
    /// status 0 when no response came), network and I/O errors, timeouts, lost ETag races
    /// (<see cref="WriteConflictException"/>) and cancellation (the host is stopping: the batch must come back). An
    /// <see cref="AggregateException"/> is transient when all its inner exceptions are. Everything else is permanent:
    /// a bug, a corrupt document, a batch the binding delivered without a partition id.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        null => throw new ArgumentNullException(nameof(exception)),
        RequestFailedException rfe => rfe.Status is 0 or 408 or 429 or >= 500,
        WriteConflictException or TimeoutException or HttpRequestException or IOException or OperationCanceledException => true,
        AggregateException agg => agg.InnerExceptions.Count > 0 && agg.InnerExceptions.All(IsTransient),
        _ => false,
    };
}
