using Azure.Messaging.EventHubs;

namespace ModelMonitor.Client;

/// <summary>
/// Where a <see cref="ModelMonitorProducer"/>'s background pump puts events. The producer built by
/// <c>ModelMonitorProducer.Create(options)</c> uses Event Hubs; <see cref="FileEventSink"/> writes JSON lines for
/// local runs; pass your own to <see cref="ModelMonitorProducer.Create(IEventSink, ModelMonitorProducerOptions?, Microsoft.Extensions.Logging.ILogger?, TimeProvider?)"/>
/// for another transport or a test.
/// </summary>
/// <remarks>
/// Called by the producer's single pump, one call at a time, never concurrently and never on a publishing
/// thread, so a slow or hanging sink fills the producer's buffer (then events are dropped and counted) but never
/// delays <c>TryPublish</c>. Each event's body is one contract-v1 JSON object (UTF-8, no line breaks), with
/// <c>ContentType = application/json</c> and the application property <c>schema</c>.
/// </remarks>
public interface IEventSink : IAsyncDisposable
{
    /// <summary>
    /// Takes <paramref name="events"/>, all with the same <paramref name="partitionKey"/> (the <c>modelId</c>), in
    /// order. Throws on failure; the producer retries a transient one (<c>EventHubsException.IsTransient</c>,
    /// <see cref="TimeoutException"/>, <see cref="IOException"/>, <c>SocketException</c>) with back-off and counts
    /// the rest as failed. Must honour <paramref name="cancellationToken"/>: it is cancelled when the flush at
    /// dispose times out.
    /// </summary>
    Task EnqueueAsync(IEnumerable<EventData> events, string partitionKey, CancellationToken cancellationToken);

    /// <summary>Sends or writes whatever the sink itself still buffers; called once, while the producer is disposed.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
