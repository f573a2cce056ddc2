using System.Threading.Channels;
using Azure.Messaging.EventHubs;

namespace ModelMonitor.Client.Tests.TestDoubles;

/// <summary>
/// An in-memory <see cref="IEventSink"/>: records what it accepts, can fail chosen calls, and can hold every
/// call at a gate. Tests wait on its signals, never on the clock.
/// </summary>
internal sealed class RecordingSink : IEventSink
{
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly List<(string PartitionKey, EventData Data)> _received = [];
    private readonly Channel<int> _callsStarted = Channel.CreateUnbounded<int>();
    private readonly SemaphoreSlim _receivedSignal = new(0);
    private int _calls;

    /// <summary>Runs at the start of call N (from 1); throw from it to fail that call.</summary>
    public Action<int>? OnCall { get; init; }

    /// <summary>When set, every call waits for it (honouring cancellation) before accepting its events.</summary>
    public TaskCompletionSource? Gate { get; init; }

    public int Calls => Volatile.Read(ref _calls);

    public int FlushCount { get; private set; }

    public bool Disposed { get; private set; }

    public IReadOnlyList<(string PartitionKey, EventData Data)> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    public async Task EnqueueAsync(IEnumerable<EventData> events, string partitionKey, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        _callsStarted.Writer.TryWrite(call);
        OnCall?.Invoke(call);
        if (Gate is not null)
        {
            await Gate.Task.WaitAsync(cancellationToken);
        }

        var accepted = events.ToList();
        lock (_lock)
        {
            _received.AddRange(accepted.Select(data => (partitionKey, data)));
        }

        _receivedSignal.Release(accepted.Count);
    }

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        FlushCount++;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits until a call has started (the pump is inside the sink).</summary>
    public async Task WaitForCallAsync() => await _callsStarted.Reader.ReadAsync().AsTask().WaitAsync(SignalTimeout);

    /// <summary>Waits until <paramref name="count"/> more events have been accepted.</summary>
    public async Task WaitForEventsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await _receivedSignal.WaitAsync(SignalTimeout), $"only {i} of {count} events arrived");
        }
    }
}
