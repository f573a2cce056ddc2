namespace ModelMonitor.Client;

/// <summary>
/// Running totals of a <see cref="ModelMonitorProducer"/>, safe to read from any thread (for a health
/// endpoint or a metrics exporter). Each is a count of events, except <see cref="Retried"/>.
/// </summary>
public sealed class ModelMonitorProducerCounters
{
    private long _accepted;
    private long _dropped;
    private long _sent;
    private long _failed;
    private long _retried;
    private readonly long[] _droppedByReason = new long[Enum.GetValues<DropReason>().Length];

    /// <summary>Events that <c>TryPublish</c> took into the buffer (it returned <see langword="true"/>).</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>
    /// Events lost to a full buffer, without a send attempt: rejected (<see cref="BufferFullMode.DropNewest"/>),
    /// evicted (<see cref="BufferFullMode.DropOldest"/>), or published after the producer was disposed.
    /// </summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The part of <see cref="Dropped"/> lost for <paramref name="reason"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined value.</exception>
    public long DroppedFor(DropReason reason)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a defined drop reason.");
        }

        return Interlocked.Read(ref _droppedByReason[(int)reason]);
    }

    /// <summary>
    /// Events handed to the transport. With Event Hubs that means accepted by the SDK's buffered producer,
    /// which publishes them moments later and reports a failure, if any, in <see cref="Failed"/>.
    /// </summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>
    /// Accepted events that will not be delivered: a non-transient send error, retries exhausted, the flush
    /// timeout at dispose, or a publish failure that Event Hubs reported after its own retries.
    /// </summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Send attempts that failed transiently and were retried after a back-off.</summary>
    public long Retried => Interlocked.Read(ref _retried);

    internal void AddAccepted() => Interlocked.Increment(ref _accepted);

    internal void AddDropped(DropReason reason)
    {
        Interlocked.Increment(ref _droppedByReason[(int)reason]);
        Interlocked.Increment(ref _dropped);
    }

    internal void AddSent(int count) => Interlocked.Add(ref _sent, count);

    internal void AddFailed(int count) => Interlocked.Add(ref _failed, count);

    internal void AddRetried() => Interlocked.Increment(ref _retried);

    public override string ToString() =>
        $"Accepted={Accepted}, Dropped={Dropped}, Sent={Sent}, Failed={Failed}, Retried={Retried}";
}
