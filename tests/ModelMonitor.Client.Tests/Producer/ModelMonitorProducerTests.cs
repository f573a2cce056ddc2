using System.Diagnostics;
using System.Text.Json;
using Azure.Messaging.EventHubs;
using ModelMonitor.Client.Tests.TestDoubles;

namespace ModelMonitor.Client.Tests.Producer;

public class ModelMonitorProducerTests
{
    private static ModelMonitorProducerOptions Options(int capacity = 100, BufferFullMode fullMode = BufferFullMode.DropNewest) =>
        new() { BufferCapacity = capacity, FullMode = fullMode };

    private static (long BufferFull, long OldestEvicted, long ProducerDisposed) DropsByReason(ModelMonitorProducer producer) =>
        (producer.Counters.DroppedFor(DropReason.BufferFull),
         producer.Counters.DroppedFor(DropReason.OldestEvicted),
         producer.Counters.DroppedFor(DropReason.ProducerDisposed));

    private static string EventIdOf(EventData data) => JsonDocument.Parse(data.EventBody.ToMemory()).RootElement.GetProperty("eventId").GetString()!;

    [Fact]
    public async Task TryPublish_Prediction_ReachesTheSinkAsJsonKeyedByModelId()
    {
        var sink = new RecordingSink();
        var prediction = SampleEvents.Prediction("e1", "fraud");
        await using (var producer = new ModelMonitorProducer(sink, Options()))
        {
            Assert.True(producer.TryPublish(prediction));
            await sink.WaitForEventsAsync(1);
        }

        var (partitionKey, data) = Assert.Single(sink.Received);
        Assert.Equal("fraud", partitionKey);
        Assert.Equal("application/json", data.ContentType);
        Assert.Equal("prediction/v1", data.Properties["schema"]);
        Assert.Equal(EventSerializer.Serialize(prediction), data.EventBody.ToArray());
    }

    [Fact]
    public async Task TryPublish_Outcome_IsKeyedByModelIdWithOutcomeSchema()
    {
        var sink = new RecordingSink();
        var outcome = OutcomeEvent.ForPrediction(SampleEvents.Prediction("e1", "churn")) with { Label = "left" };
        await using (var producer = new ModelMonitorProducer(sink, Options()))
        {
            Assert.True(producer.TryPublish(outcome));
        }

        var (partitionKey, data) = Assert.Single(sink.Received);
        Assert.Equal("churn", partitionKey);
        Assert.Equal("outcome/v1", data.Properties["schema"]);
        Assert.Equal(EventSerializer.Serialize(outcome), data.EventBody.ToArray());
    }

    [Fact]
    public async Task TryPublish_ManyEventsOfTwoModels_KeepEachModelsOrderAndKey()
    {
        var sink = new RecordingSink();
        await using (var producer = new ModelMonitorProducer(sink, Options(capacity: 1_000)))
        {
            for (var i = 0; i < 300; i++)
            {
                Assert.True(producer.TryPublish(SampleEvents.Prediction($"{i}", i % 3 == 0 ? "ranker" : "fraud")));
            }
        }

        Assert.Equal(300, sink.Received.Count);
        foreach (var model in new[] { "ranker", "fraud" })
        {
            var expected = Enumerable.Range(0, 300).Where(i => (i % 3 == 0) == (model == "ranker")).Select(i => $"{i}");
            var received = sink.Received.Where(r => r.PartitionKey == model).Select(r => EventIdOf(r.Data)).ToList();
            Assert.Equal(expected, received);
            Assert.All(sink.Received.Where(r => r.PartitionKey == model), r =>
                Assert.Equal(model, JsonDocument.Parse(r.Data.EventBody.ToMemory()).RootElement.GetProperty("modelId").GetString()));
        }
    }

    [Fact]
    public async Task TryPublish_SinkBlockedAndBufferFull_DropNewest_ReturnsFalseImmediatelyAndCounts()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sink = new RecordingSink { Gate = gate };
        await using var producer = new ModelMonitorProducer(sink, Options(capacity: 3));
        Assert.True(producer.TryPublish(SampleEvents.Prediction("e0")));
        await sink.WaitForCallAsync(); // e0 is now stuck in the sink, the buffer is empty.

        var stopwatch = Stopwatch.StartNew();
        var results = Enumerable.Range(1, 5).Select(i => producer.TryPublish(SampleEvents.Prediction($"e{i}"))).ToList();
        stopwatch.Stop();

        Assert.Equal([true, true, true, false, false], results);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"TryPublish took {stopwatch.Elapsed}");
        Assert.Equal((4L, 2L, 0L), (producer.Counters.Accepted, producer.Counters.Dropped, producer.Counters.Sent));
        Assert.Equal((2L, 0L, 0L), DropsByReason(producer));
        Assert.Equal(3, producer.BufferedCount);

        gate.SetResult();
        await producer.DisposeAsync();

        Assert.Equal(["e0", "e1", "e2", "e3"], sink.Received.Select(r => EventIdOf(r.Data)));
        Assert.Equal((4L, 2L, 4L, 0L), (producer.Counters.Accepted, producer.Counters.Dropped, producer.Counters.Sent, producer.Counters.Failed));
    }

    [Fact]
    public async Task TryPublish_SinkBlockedAndBufferFull_DropOldest_AcceptsAndEvictsTheOldest()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sink = new RecordingSink { Gate = gate };
        await using var producer = new ModelMonitorProducer(sink, Options(capacity: 3, BufferFullMode.DropOldest));
        Assert.True(producer.TryPublish(SampleEvents.Prediction("e0")));
        await sink.WaitForCallAsync();

        var results = Enumerable.Range(1, 5).Select(i => producer.TryPublish(SampleEvents.Prediction($"e{i}"))).ToList();

        Assert.All(results, Assert.True);
        Assert.Equal((6L, 2L), (producer.Counters.Accepted, producer.Counters.Dropped));
        Assert.Equal((0L, 2L, 0L), DropsByReason(producer));
        Assert.Equal(3, producer.BufferedCount);

        gate.SetResult();
        await producer.DisposeAsync();

        Assert.Equal(["e0", "e3", "e4", "e5"], sink.Received.Select(r => EventIdOf(r.Data)));
        Assert.Equal(4L, producer.Counters.Sent);
    }

    [Fact]
    public async Task TryPublish_SinkNeverCompletes_ManyPublishesStillReturn()
    {
        var sink = new RecordingSink { Gate = new TaskCompletionSource() };
        var time = new SignallingTimeProvider();
        var producer = new ModelMonitorProducer(sink, Options(capacity: 10), timeProvider: time);

        var accepted = Enumerable.Range(0, 10_000).Count(i => producer.TryPublish(SampleEvents.Prediction($"e{i}")));

        // The buffer, plus the batch the pump may already have taken into the blocked sink.
        Assert.InRange(accepted, 10, 10 + ModelMonitorProducer.MaxBatchSize);
        Assert.Equal(10_000 - accepted, producer.Counters.Dropped);

        var disposing = producer.DisposeAsync().AsTask();
        Assert.Equal(TimeSpan.FromSeconds(10), await time.WaitForTimerAsync());
        time.Advance(TimeSpan.FromSeconds(10));
        await disposing;
        Assert.Equal(accepted, producer.Counters.Failed);
    }

    [Fact]
    public async Task TryPublish_DropsUnderLoad_AreLoggedAtMostOncePerInterval()
    {
        var logger = new ListLogger();
        var time = new SignallingTimeProvider();
        var sink = new RecordingSink { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var producer = new ModelMonitorProducer(sink, Options(capacity: 1), logger, time);
        producer.TryPublish(SampleEvents.Prediction("in-flight"));
        await sink.WaitForCallAsync();
        producer.TryPublish(SampleEvents.Prediction("buffered"));

        for (var i = 0; i < 5; i++)
        {
            Assert.False(producer.TryPublish(SampleEvents.Prediction($"d{i}")));
        }

        time.Advance(ModelMonitorProducer.DropLogInterval);
        Assert.False(producer.TryPublish(SampleEvents.Prediction("late")));

        var drops = logger.Entries.Where(e => e.EventId.Name == "EventsDropped").ToList();
        Assert.Equal(2, drops.Count);
        Assert.Equal([1L, 5L], drops.Select(d => (long)d.Fields["DroppedCount"]!));
        Assert.Equal(DropReason.BufferFull, drops[0].Fields["Reason"]);
        Assert.Equal(6L, drops[1].Fields["TotalDropped"]);
        ((TaskCompletionSource)sink.Gate!).SetResult();
    }

    [Fact]
    public async Task TryPublish_AfterDispose_ReturnsFalseAndCountsADrop()
    {
        var sink = new RecordingSink();
        var producer = new ModelMonitorProducer(sink, Options());
        await producer.DisposeAsync();

        Assert.False(producer.TryPublish(SampleEvents.Prediction()));
        Assert.Equal((0L, 1L), (producer.Counters.Accepted, producer.Counters.Dropped));
    }

    [Fact]
    public async Task TryPublish_OversizedEvent_ThrowsAndBuffersNothing()
    {
        var sink = new RecordingSink();
        await using var producer = new ModelMonitorProducer(sink, Options());
        var huge = SampleEvents.Prediction() with { Items = Enumerable.Repeat(new string('x', 1024), 1024).ToArray() };

        Assert.Equal("predictionEvent", Assert.Throws<ArgumentException>(() => producer.TryPublish(huge)).ParamName);
        Assert.Equal((0L, 0L), (producer.Counters.Accepted, producer.Counters.Dropped));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new ModelMonitorProducerOptions { BufferCapacity = 0, FlushTimeout = TimeSpan.Zero, MaxSendAttempts = 0 };

        var error = Assert.Throws<ArgumentException>(() => new ModelMonitorProducer(new RecordingSink(), options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("BufferCapacity must be between 1 and 10,000,000; got 0.", error.Message, StringComparison.Ordinal);
        Assert.Contains("FlushTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxSendAttempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryPublish_AfterDispose_IsCountedAsProducerDisposed()
    {
        var producer = new ModelMonitorProducer(new RecordingSink(), Options());
        await producer.DisposeAsync();

        Assert.False(producer.TryPublish(SampleEvents.Prediction()));

        Assert.Equal(1L, producer.Counters.Dropped);
        Assert.Equal((0L, 0L, 1L), DropsByReason(producer));
    }

    [Fact]
    public void DroppedFor_AnUndefinedReason_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelMonitorProducerCounters().DroppedFor((DropReason)42));

    [Fact]
    public async Task Create_WithACustomSinkAndNoOptions_DeliversToThatSink()
    {
        var sink = new RecordingSink();
        await using (var producer = ModelMonitorProducer.Create(sink))
        {
            Assert.True(producer.TryPublish(SampleEvents.Prediction("e1")));
        }

        Assert.Equal(["e1"], sink.Received.Select(r => EventIdOf(r.Data)));
        Assert.True(sink.Disposed);
    }
}
