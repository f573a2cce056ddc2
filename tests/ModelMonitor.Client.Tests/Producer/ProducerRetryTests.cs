using Azure.Messaging.EventHubs;
using ModelMonitor.Client.Tests.TestDoubles;

namespace ModelMonitor.Client.Tests.Producer;

public class ProducerRetryTests
{
    private static readonly ModelMonitorProducerOptions Options = new()
    {
        MaxSendAttempts = 3,
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        RetryMaxDelay = TimeSpan.FromSeconds(30),
    };

    private static EventHubsException Transient() => new(isTransient: true, "model-events");

    [Fact]
    public async Task Send_TransientFailuresTwice_RetriesWithBackoffThenSends()
    {
        var time = new SignallingTimeProvider();
        var logger = new ListLogger();
        var sink = new RecordingSink { OnCall = call => { if (call <= 2) throw Transient(); } };
        await using var producer = new ModelMonitorProducer(sink, Options, logger, time);

        Assert.True(producer.TryPublish(SampleEvents.Prediction()));
        Assert.Equal(TimeSpan.FromSeconds(1), await time.WaitForTimerAsync());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(2), await time.WaitForTimerAsync());
        time.Advance(TimeSpan.FromSeconds(2));
        await sink.WaitForEventsAsync(1);
        await producer.DisposeAsync();

        Assert.Equal(3, sink.Calls);
        Assert.Single(sink.Received);
        var c = producer.Counters;
        Assert.Equal((1L, 1L, 0L, 2L, 0L), (c.Accepted, c.Sent, c.Failed, c.Retried, c.Dropped));
        Assert.Equal([1, 2], logger.Entries.Where(e => e.EventId.Name == "SendRetrying").Select(e => (int)e.Fields["Attempt"]!));
    }

    [Fact]
    public async Task Send_TransientFailuresEveryTime_GivesUpAfterMaxAttemptsAndGoesOn()
    {
        var time = new SignallingTimeProvider();
        var logger = new ListLogger();
        var sink = new RecordingSink { OnCall = call => { if (call <= 3) throw Transient(); } };
        await using var producer = new ModelMonitorProducer(sink, Options, logger, time);

        producer.TryPublish(SampleEvents.Prediction("lost"));
        time.Advance(await time.WaitForTimerAsync());
        time.Advance(await time.WaitForTimerAsync());
        await sink.WaitForCallAsync();
        await sink.WaitForCallAsync();
        await sink.WaitForCallAsync();
        producer.TryPublish(SampleEvents.Prediction("next"));
        await sink.WaitForEventsAsync(1);
        await producer.DisposeAsync();

        Assert.Equal(4, sink.Calls);
        var c = producer.Counters;
        Assert.Equal((2L, 1L, 1L, 2L), (c.Accepted, c.Sent, c.Failed, c.Retried));
        var failure = Assert.Single(logger.Entries, e => e.EventId.Name == "SendFailed");
        Assert.Equal(3, failure.Fields["Attempts"]);
        Assert.IsType<EventHubsException>(failure.Exception);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_NonTransientFailure_FailsAtOnceWithoutRetry(bool eventHubsException)
    {
        Exception error = eventHubsException
            ? new EventHubsException(isTransient: false, "model-events", EventHubsException.FailureReason.ResourceNotFound)
            : new UnauthorizedAccessException("no Data Sender role");
        var time = new SignallingTimeProvider();
        var sink = new RecordingSink { OnCall = call => { if (call == 1) throw error; } };
        await using var producer = new ModelMonitorProducer(sink, Options, timeProvider: time);

        producer.TryPublish(SampleEvents.Prediction("lost"));
        producer.TryPublish(SampleEvents.Prediction("lost-too-if-batched"));
        await producer.DisposeAsync();

        var c = producer.Counters;
        Assert.Equal(0L, c.Retried);
        Assert.Equal(2L, c.Sent + c.Failed);
        Assert.InRange(c.Failed, 1L, 2L); // the two events may share one send
    }

    [Fact]
    public async Task Send_RetriedFailure_KeepsTheModelsOrder()
    {
        var time = new SignallingTimeProvider();
        var sink = new RecordingSink { OnCall = call => { if (call == 1) throw Transient(); } };
        await using var producer = new ModelMonitorProducer(sink, Options, timeProvider: time);

        producer.TryPublish(SampleEvents.Prediction("e1"));
        var backoff = await time.WaitForTimerAsync();
        producer.TryPublish(SampleEvents.Prediction("e2"));
        producer.TryPublish(SampleEvents.Prediction("e3"));
        time.Advance(backoff);
        await sink.WaitForEventsAsync(3);

        Assert.Equal(["e1", "e2", "e3"], sink.Received.Select(r => System.Text.Json.JsonDocument.Parse(r.Data.EventBody.ToMemory()).RootElement.GetProperty("eventId").GetString()));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 5)]
    [InlineData(60, 5)]
    public void GetDelay_DoublesFromBaseUpToMax(int failedAttempt, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryBackoff.GetDelay(failedAttempt, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));

    public static TheoryData<Exception, bool> Failures => new()
    {
        { new EventHubsException(isTransient: true, "hub"), true },
        { new EventHubsException(isTransient: false, "hub"), false },
        { new TimeoutException(), true },
        { new IOException(), true },
        { new System.Net.Sockets.SocketException(), true },
        { new UnauthorizedAccessException(), false },
        { new InvalidOperationException(), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsTransient_DecidesFromTheExceptionType(Exception exception, bool expected) =>
        Assert.Equal(expected, TransientFailures.IsTransient(exception));
}
