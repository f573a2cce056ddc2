namespace ModelMonitor.Cli.Demo;

/// <summary>
/// Messages waiting to "arrive", ordered by arrival time and then by scheduling order, so that late outcomes
/// scheduled hours ahead come out at the right moment and ties resolve deterministically.
/// </summary>
internal sealed class MessageSchedule
{
    private readonly PriorityQueue<SyntheticMessage, (long Ticks, long Order)> _queue = new();
    private long _order;

    public int Count => _queue.Count;

    public void Add(DateTimeOffset arrival, string partitionKey, byte[] body) =>
        _queue.Enqueue(new SyntheticMessage(arrival, partitionKey, body), (arrival.UtcTicks, _order++));

    /// <summary>The next message arriving before <paramref name="limit"/>, if any.</summary>
    public bool TryTakeBefore(DateTimeOffset limit, out SyntheticMessage message)
    {
        if (_queue.TryPeek(out _, out var key) && key.Ticks < limit.UtcTicks)
        {
            message = _queue.Dequeue();
            return true;
        }

        message = default;
        return false;
    }

    public bool TryTake(out SyntheticMessage message) => _queue.TryDequeue(out message, out _);
}
