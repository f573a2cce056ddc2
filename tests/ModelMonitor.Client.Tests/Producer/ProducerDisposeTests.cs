using Azure.Messaging.EventHubs;
using ModelMonitor.Client.Tests.TestDoubles;

namespace ModelMonitor.Client.Tests.Producer;

public class ProducerDisposeTests
{
    [Fact]
    public async Task DisposeAsync_WithBufferedEvents_WaitsUntilTheyAreSentThenFlushesAndClosesTheSink()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sink = new RecordingSink { Gate = gate };
        var producer = new ModelMonitorProducer(sink, new ModelMonitorProducerOptions());
        for (var i = 0; i < 250; i++)
        {
            producer.TryPublish(SampleEvents.Prediction($"e{i}"));
        }

        var disposing = producer.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted);
        gate.SetResult();
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(250, sink.Received.Count);
        Assert.Equal((250L, 0L), (producer.Counters.Sent, producer.Counters.Failed));
        Assert.Equal(1, sink.FlushCount);
        Assert.True(sink.Disposed);
    }

    [Fact]
    public async Task DisposeAsync_SinkNeverCompletes_GivesUpAtFlushTimeoutAndCountsTheRestAsFailed()
    {
        var time = new SignallingTimeProvider();
        var logger = new ListLogger();
        var sink = new RecordingSink { Gate = new TaskCompletionSource() };
        var producer = new ModelMonitorProducer(sink, new ModelMonitorProducerOptions { FlushTimeout = TimeSpan.FromSeconds(3) }, logger, time);
        producer.TryPublish(SampleEvents.Prediction("e0"));
        await sink.WaitForCallAsync();
        producer.TryPublish(SampleEvents.Prediction("e1"));
        producer.TryPublish(SampleEvents.Prediction("e2"));

        var disposing = producer.DisposeAsync().AsTask();
        Assert.Equal(TimeSpan.FromSeconds(3), await time.WaitForTimerAsync());
        Assert.False(disposing.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(3));
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(sink.Received);
        Assert.Equal((3L, 0L, 3L), (producer.Counters.Accepted, producer.Counters.Sent, producer.Counters.Failed));
        Assert.Equal(0, sink.FlushCount);
        Assert.True(sink.Disposed);
        Assert.Equal(3, Assert.Single(logger.Entries, e => e.EventId.Name == "FlushTimedOut").Fields["UndeliveredCount"]);
    }

    [Fact]
    public async Task DisposeAsync_DuringRetryBackoff_StopsWaitingAtFlushTimeout()
    {
        var time = new SignallingTimeProvider();
        var sink = new RecordingSink { OnCall = _ => throw new EventHubsException(isTransient: true, "hub") };
        var options = new ModelMonitorProducerOptions { RetryBaseDelay = TimeSpan.FromMinutes(1), RetryMaxDelay = TimeSpan.FromMinutes(1), FlushTimeout = TimeSpan.FromSeconds(5) };
        var producer = new ModelMonitorProducer(sink, options, timeProvider: time);
        producer.TryPublish(SampleEvents.Prediction());
        Assert.Equal(TimeSpan.FromMinutes(1), await time.WaitForTimerAsync());

        var disposing = producer.DisposeAsync().AsTask();
        Assert.Equal(TimeSpan.FromSeconds(5), await time.WaitForTimerAsync());
        time.Advance(TimeSpan.FromSeconds(5));
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, sink.Calls);
        Assert.Equal((0L, 1L, 1L), (producer.Counters.Sent, producer.Counters.Failed, producer.Counters.Retried));
    }

    [Fact]
    public async Task DisposeAsync_Twice_IsHarmless()
    {
        var sink = new RecordingSink();
        var producer = new ModelMonitorProducer(sink, new ModelMonitorProducerOptions());

        await producer.DisposeAsync();
        await producer.DisposeAsync();

        Assert.Equal(1, sink.FlushCount);
    }
}
