using Azure.Messaging.EventHubs;

namespace ModelMonitor.Client;

/// <summary>
/// Where the producer's pump puts events: <see cref="EventHubsSink"/> in production, an in-memory fake in
/// tests. Called by one pump at a time, never concurrently.
/// </summary>
internal interface IEventSink : IAsyncDisposable
{
    /// <summary>
    /// Takes <paramref name="events"/>, all with the same <paramref name="partitionKey"/>, in order. Throws on
    /// failure; the pump decides from the exception whether to retry (see <see cref="TransientFailures"/>).
    /// </summary>
    Task EnqueueAsync(IEnumerable<EventData> events, string partitionKey, CancellationToken cancellationToken);

    /// <summary>Sends whatever the sink itself still buffers.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
