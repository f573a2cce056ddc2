namespace ModelMonitor.Core.Ingestion;

/// <summary>Durable home of events that could not be folded.</summary>
public interface IDeadLetterStore
{
    /// <summary>Writes one batch's dead letters. Idempotent: the same letters written twice are stored once.</summary>
    Task WriteAsync(string partition, IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken = default);

    /// <summary>All dead letters, each stored event once, oldest first.</summary>
    IAsyncEnumerable<DeadLetter> ListAsync(CancellationToken cancellationToken = default);
}
