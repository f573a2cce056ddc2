using System.Threading.Channels;
using Azure.Messaging.EventHubs;
using ModelMonitor.Client;

namespace ModelMonitor.Examples.ScoringApi.Tests.Infrastructure;

/// <summary>
/// A sink whose sends never complete (an Event Hubs that accepts the connection and then hangs); only the
/// producer's flush timeout at shutdown cancels them. Counts calls begun and completed.
/// </summary>
internal sealed class HangingSink : IEventSink
{
    private readonly Channel<int> _callsStarted = Channel.CreateUnbounded<int>();
    private int _calls;
    private int _completed;

    public int Calls => Volatile.Read(ref _calls);

    public int Completed => Volatile.Read(ref _completed);

    public async Task EnqueueAsync(IEnumerable<EventData> events, string partitionKey, CancellationToken cancellationToken)
    {
        _callsStarted.Writer.TryWrite(Interlocked.Increment(ref _calls));
        await Task.Delay(Timeout.Infinite, cancellationToken);
        Interlocked.Increment(ref _completed);
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Waits until the pump is inside the sink with a batch.</summary>
    public async Task WaitForCallAsync() =>
        await _callsStarted.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
