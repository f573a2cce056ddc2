using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Producer;
using ModelMonitor.Client.Tests.TestDoubles;

namespace ModelMonitor.Client.Tests.Producer;

/// <summary>
/// What can be checked of the Event Hubs sink without Event Hubs: the failure handler the SDK calls after its
/// own retries. Enqueue, flush and close against a real namespace are not tested here.
/// </summary>
public class EventHubsSinkTests
{
    [Fact]
    public async Task OnSendEventBatchFailed_CountsTheBatchAsFailedAndLogs()
    {
        var counters = new ModelMonitorProducerCounters();
        var logger = new ListLogger();
        var client = new EventHubBufferedProducerClient("Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0;EntityPath=hub");
        await using var sink = new EventHubsSink(client, counters, logger);
        var batch = new[] { new EventData("a"), new EventData("b") };

        await sink.OnSendEventBatchFailedAsync(new SendEventBatchFailedEventArgs(batch, new EventHubsException(true, "hub"), "3", CancellationToken.None));

        Assert.Equal(2L, counters.Failed);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal("PublishFailed", entry.EventId.Name);
        Assert.Equal("3", entry.Fields["PartitionId"]);
    }
}
