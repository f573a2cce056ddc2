using System.Threading.Channels;
using Azure.Messaging.EventHubs;
using ModelMonitor.Client;

namespace ModelMonitor.Examples.ScoringApi.Tests.Infrastructure;

/// <summary>A sink that fails every send as the Event Hubs SDK does when the namespace cannot be reached.</summary>
internal sealed class UnreachableSink : IEventSink
{
    private readonly Channel<int> _callsStarted = Channel.CreateUnbounded<int>();
    private int _calls;

    public Task EnqueueAsync(IEnumerable<EventData> events, string partitionKey, CancellationToken cancellationToken)
    {
        _callsStarted.Writer.TryWrite(Interlocked.Increment(ref _calls));
        throw new EventHubsException(
            isTransient: true, "model-events", "The namespace cannot be reached.", EventHubsException.FailureReason.ServiceCommunicationProblem);
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Waits until <paramref name="count"/> sends have been attempted.</summary>
    public async Task WaitForCallsAsync(int count)
    {
        while (await _callsStarted.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)) < count)
        {
        }
    }
}
