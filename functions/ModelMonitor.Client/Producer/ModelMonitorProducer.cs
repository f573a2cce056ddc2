using System.Threading.Channels;
using Azure.Messaging.EventHubs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ModelMonitor.Client;

/// <summary>
/// Publishes prediction and outcome events to Event Hubs without ever holding up the caller's request:
/// <c>TryPublish</c> serializes the event and puts it in a bounded in-memory buffer, and a background pump
/// moves buffered events to Event Hubs (partition key = <c>modelId</c>, so each model's events stay in order),
/// retrying transient failures with exponential back-off. Create one per process and dispose it at shutdown.
/// </summary>
/// <remarks>
/// Monitoring must not hurt serving: when Event Hubs is slow or down the buffer fills and events are dropped
/// (see <see cref="BufferFullMode"/>), counted in <see cref="Counters"/> and logged at most every 10 seconds.
/// Send failures are counted and logged, never thrown at the caller. Delivery is at least once: a retried
/// send may duplicate events, and consumers de-duplicate on <c>eventId</c>.
/// </remarks>
public sealed class ModelMonitorProducer : IAsyncDisposable
{
    /// <summary>Most events the pump takes from the buffer per round.</summary>
    internal const int MaxBatchSize = 100;

    internal static readonly TimeSpan DropLogInterval = TimeSpan.FromSeconds(10);

    private const string JsonContentType = "application/json";
    private const string SchemaProperty = "schema";

    private readonly IEventSink _sink;
    private readonly ModelMonitorProducerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly Channel<PendingEvent> _buffer;
    private readonly CancellationTokenSource _abort = new();
    private readonly long _dropLogIntervalTicks;
    private readonly Task _pump;
    private long _dropsSinceLog;
    private long _nextDropLogTimestamp;
    private int _undeliveredAtAbort;
    private int _disposed;

    internal ModelMonitorProducer(
        IEventSink sink,
        ModelMonitorProducerOptions options,
        ILogger? logger = null,
        TimeProvider? timeProvider = null,
        ModelMonitorProducerCounters? counters = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid(includeConnection: false);
        _sink = sink;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        Counters = counters ?? new ModelMonitorProducerCounters();
        _dropLogIntervalTicks = (long)(DropLogInterval.TotalSeconds * _timeProvider.TimestampFrequency);
        _buffer = Channel.CreateBounded<PendingEvent>(
            new BoundedChannelOptions(options.BufferCapacity)
            {
                // Wait + TryWrite never waits: a full buffer makes TryWrite return false, i.e. drop the newest.
                FullMode = options.FullMode == BufferFullMode.DropOldest
                    ? BoundedChannelFullMode.DropOldest
                    : BoundedChannelFullMode.Wait,
                SingleReader = true,
                SingleWriter = false,

                // The pump must never run on a publishing thread.
                AllowSynchronousContinuations = false,
            },
            _ => OnDropped(DropReason.OldestEvicted));
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Running totals: accepted, dropped, sent, failed and retried.</summary>
    public ModelMonitorProducerCounters Counters { get; }

    /// <summary>Events in the buffer now, waiting for the pump.</summary>
    public int BufferedCount => _buffer.Reader.Count;

    /// <summary>
    /// A producer that sends to Event Hubs through an <c>EventHubBufferedProducerClient</c> built from
    /// <paramref name="options"/> (identity or connection string).
    /// </summary>
    /// <param name="options">Connection and buffering settings.</param>
    /// <param name="logger">Where drops and send failures are reported; none by default.</param>
    /// <param name="timeProvider">The clock for back-off and timeouts; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid; the message lists every problem.</exception>
    public static ModelMonitorProducer Create(
        ModelMonitorProducerOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid(includeConnection: true);
        logger ??= NullLogger.Instance;
        var counters = new ModelMonitorProducerCounters();
        var sink = new EventHubsSink(EventHubsSink.CreateClient(options), counters, logger);
        return new ModelMonitorProducer(sink, options, logger, timeProvider, counters);
    }

    /// <summary>
    /// A producer that hands events to <paramref name="sink"/> instead of Event Hubs: a <see cref="FileEventSink"/>
    /// for a local run, or a transport of your own. The producer owns the sink and disposes it.
    /// </summary>
    /// <param name="sink">Where the pump puts events.</param>
    /// <param name="options">Buffering and retry settings; the connection settings are not used. Defaults when null.</param>
    /// <param name="logger">Where drops and send failures are reported; none by default.</param>
    /// <param name="timeProvider">The clock for retry delays and drop reports; the system clock by default.</param>
    /// <exception cref="ArgumentException">A buffering or retry setting is invalid.</exception>
    public static ModelMonitorProducer Create(
        IEventSink sink,
        ModelMonitorProducerOptions? options = null,
        ILogger? logger = null,
        TimeProvider? timeProvider = null) =>
        new(sink, options ?? new ModelMonitorProducerOptions(), logger, timeProvider);

    /// <summary>
    /// Serializes <paramref name="predictionEvent"/> and buffers it for sending. Never waits for I/O.
    /// </summary>
    /// <returns><see langword="true"/> if buffered; <see langword="false"/> if dropped (buffer full, or disposed).</returns>
    /// <exception cref="ArgumentException">The serialized event exceeds the 1 MiB message limit.</exception>
    public bool TryPublish(PredictionEvent predictionEvent)
    {
        var body = EventSerializer.Serialize(predictionEvent);
        return TryBuffer(new PendingEvent(body, predictionEvent.ModelId, EventSchemas.PredictionV1));
    }

    /// <summary>Serializes <paramref name="outcomeEvent"/> and buffers it for sending. Never waits for I/O.</summary>
    /// <returns><see langword="true"/> if buffered; <see langword="false"/> if dropped (buffer full, or disposed).</returns>
    /// <exception cref="ArgumentException">The serialized event exceeds the 1 MiB message limit.</exception>
    public bool TryPublish(OutcomeEvent outcomeEvent)
    {
        var body = EventSerializer.Serialize(outcomeEvent);
        return TryBuffer(new PendingEvent(body, outcomeEvent.ModelId, EventSchemas.OutcomeV1));
    }

    /// <summary>
    /// Stops accepting events and sends what is buffered, for at most
    /// <see cref="ModelMonitorProducerOptions.FlushTimeout"/>; what is left then is counted as failed.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _buffer.Writer.TryComplete();
        await DrainAsync();
        try
        {
            await _sink.DisposeAsync();
        }
        catch (Exception exception)
        {
            ProducerLog.CloseFailed(_logger, exception);
        }

        _abort.Dispose();
    }

    private async Task DrainAsync()
    {
        using var deadline = new CancellationTokenSource(_options.FlushTimeout, _timeProvider);
        using var abortAtDeadline = deadline.Token.Register(static abort => ((CancellationTokenSource)abort!).Cancel(), _abort);
        await _pump;
        if (!_abort.IsCancellationRequested)
        {
            try
            {
                await _sink.FlushAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                // Reported below; whatever the sink held is abandoned when it is disposed.
            }
            catch (Exception exception)
            {
                ProducerLog.CloseFailed(_logger, exception);
            }
        }

        if (deadline.IsCancellationRequested)
        {
            ProducerLog.FlushTimedOut(_logger, _options.FlushTimeout, _undeliveredAtAbort);
        }
    }

    private bool TryBuffer(PendingEvent pending)
    {
        if (_buffer.Writer.TryWrite(pending))
        {
            Counters.AddAccepted();
            return true;
        }

        // A completed channel refuses writes too: that is a publish after DisposeAsync began.
        OnDropped(Volatile.Read(ref _disposed) != 0 ? DropReason.ProducerDisposed : DropReason.BufferFull);
        return false;
    }

    private void OnDropped(DropReason reason)
    {
        Counters.AddDropped(reason);
        Interlocked.Increment(ref _dropsSinceLog);

        // At most one report per interval: under sustained overload a log line per drop would add to the load.
        var now = _timeProvider.GetTimestamp();
        var next = Interlocked.Read(ref _nextDropLogTimestamp);
        if (now < next || Interlocked.CompareExchange(ref _nextDropLogTimestamp, now + _dropLogIntervalTicks, next) != next)
        {
            return;
        }

        var dropped = Interlocked.Exchange(ref _dropsSinceLog, 0);
        ProducerLog.EventsDropped(_logger, dropped, reason, _options.BufferCapacity, Counters.Dropped);
    }

    private async Task PumpAsync()
    {
        var reader = _buffer.Reader;
        var batch = new List<PendingEvent>(MaxBatchSize);
        var settled = 0;
        try
        {
            while (await reader.WaitToReadAsync(_abort.Token))
            {
                while (batch.Count < MaxBatchSize && reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                settled = 0;

                // Grouping keeps each partition key's events in their original order.
                foreach (var group in batch.GroupBy(pending => pending.PartitionKey, StringComparer.Ordinal))
                {
                    _abort.Token.ThrowIfCancellationRequested();
                    var events = group.ToList();
                    await SendAsync(events, group.Key, _abort.Token);
                    settled += events.Count;
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // The flush timeout expired during DisposeAsync: what was not sent is lost.
            var undelivered = batch.Count - settled;
            while (reader.TryRead(out _))
            {
                undelivered++;
            }

            Counters.AddFailed(undelivered);
            _undeliveredAtAbort = undelivered;
        }
        catch (Exception exception)
        {
            ProducerLog.PumpStopped(_logger, exception);
        }
    }

    /// <summary>Sends one partition key's events, retrying transient failures; never throws but on abort.</summary>
    private async Task SendAsync(List<PendingEvent> events, string partitionKey, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _sink.EnqueueAsync(events.ConvertAll(ToEventData), partitionKey, cancellationToken);
                Counters.AddSent(events.Count);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception) when (TransientFailures.IsTransient(exception) && attempt < _options.MaxSendAttempts)
            {
                var delay = RetryBackoff.GetDelay(attempt, _options.RetryBaseDelay, _options.RetryMaxDelay);
                Counters.AddRetried();
                ProducerLog.SendRetrying(_logger, exception, events.Count, partitionKey, attempt, delay);
                await Task.Delay(delay, _timeProvider, cancellationToken);
            }
            catch (Exception exception)
            {
                Counters.AddFailed(events.Count);
                ProducerLog.SendFailed(_logger, exception, events.Count, partitionKey, attempt);
                return;
            }
        }
    }

    // A fresh EventData per attempt: the SDK may stamp state on the instances it was given.
    private static EventData ToEventData(PendingEvent pending)
    {
        var data = new EventData(new BinaryData(pending.Body)) { ContentType = JsonContentType };
        data.Properties[SchemaProperty] = pending.Schema;
        return data;
    }
}
