using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Producer;
using Microsoft.Extensions.Logging;

namespace ModelMonitor.Client;

/// <summary>
/// The production sink: an <see cref="EventHubBufferedProducerClient"/>, which batches per partition and
/// publishes in the background. Not covered by tests here (there is no Event Hubs emulator): keep it thin.
/// </summary>
internal sealed class EventHubsSink : IEventSink
{
    private readonly EventHubBufferedProducerClient _client;
    private readonly ModelMonitorProducerCounters _counters;
    private readonly ILogger _logger;

    public EventHubsSink(EventHubBufferedProducerClient client, ModelMonitorProducerCounters counters, ILogger logger)
    {
        _client = client;
        _counters = counters;
        _logger = logger;

        // Required by the SDK before the first enqueue; called after its own retries are exhausted.
        _client.SendEventBatchFailedAsync += OnSendEventBatchFailedAsync;
    }

    /// <summary>
    /// Builds the client from validated options. One send at a time per partition (the SDK's default, made
    /// explicit): with partition key = modelId, that keeps each model's events in order.
    /// </summary>
    public static EventHubBufferedProducerClient CreateClient(ModelMonitorProducerOptions options)
    {
        var clientOptions = new EventHubBufferedProducerClientOptions { MaximumConcurrentSendsPerPartition = 1 };
        if (options.ConnectionString is { } connectionString)
        {
            // The hub name may be passed only once: in the connection string's EntityPath or as an argument.
            return ModelMonitorProducerOptions.GetEntityPath(connectionString) is null
                ? new EventHubBufferedProducerClient(connectionString, options.EventHubName, clientOptions)
                : new EventHubBufferedProducerClient(connectionString, clientOptions);
        }

        return new EventHubBufferedProducerClient(
            options.FullyQualifiedNamespace, options.EventHubName, options.Credential, clientOptions);
    }

    public Task EnqueueAsync(IEnumerable<EventData> events, string partitionKey, CancellationToken cancellationToken) =>
        _client.EnqueueEventsAsync(events, new EnqueueEventOptions { PartitionKey = partitionKey }, cancellationToken);

    public Task FlushAsync(CancellationToken cancellationToken) => _client.FlushAsync(cancellationToken);

    // The producer flushed (or gave up flushing) before this: abandon anything left rather than wait again.
    public async ValueTask DisposeAsync() => await _client.CloseAsync(flush: false);

    internal Task OnSendEventBatchFailedAsync(SendEventBatchFailedEventArgs args)
    {
        _counters.AddFailed(args.EventBatch.Count);
        ProducerLog.PublishFailed(_logger, args.Exception, args.EventBatch.Count, args.PartitionId);
        return Task.CompletedTask;
    }
}
