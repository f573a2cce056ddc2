using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using ModelMonitor.Service.Telemetry;

namespace ModelMonitor.Service.Notifications;

/// <summary>
/// Routes a notification to the channels and subscribers its policy matches and sends to each with a timeout per
/// attempt and exponential-backoff retries (honouring Retry-After on 429/503). Every outcome is recorded in the
/// <see cref="INotificationLog"/>; nothing throws to the caller except cancellation.
/// </summary>
public sealed partial class RoutingNotifier : INotifier
{
    private readonly INotificationPolicySource _policies;
    private readonly Func<NotificationChannelConfig, INotificationChannel> _channels;
    private readonly INotificationLog _log;
    private readonly AlertMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly NotifierOptions _options;
    private readonly ResiliencePipeline _pipeline;

    public RoutingNotifier(
        INotificationPolicySource policies,
        Func<NotificationChannelConfig, INotificationChannel> channels,
        INotificationLog log,
        NotifierOptions options,
        TimeProvider timeProvider,
        ILogger<RoutingNotifier> logger,
        AlertMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _policies = policies;
        _channels = channels;
        _log = log;
        _options = options;
        _logger = logger;
        _metrics = metrics;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                ShouldHandle = new PredicateBuilder()
                    .Handle<NotificationSendException>(e => e.IsTransient && (e.RetryAfter is not { } wait || wait <= options.MaxRetryAfter))
                    .Handle<TimeoutRejectedException>(),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is NotificationSendException { RetryAfter: { } wait } ? (TimeSpan?)(wait < TimeSpan.Zero ? TimeSpan.Zero : wait) : null),
            });
        }

        _pipeline = builder.AddTimeout(options.AttemptTimeout).Build();
    }

    public async Task<IReadOnlyList<NotificationOutcome>> NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        IReadOnlyList<(NotificationChannelConfig Channel, IReadOnlyList<string> Subscribers)> routes;
        try
        {
            routes = (await _policies.GetAsync(notification.ModelId, cancellationToken)).Route(notification);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var outcome = new NotificationOutcome("policy", false, 0, ex.Message);
            await RecordAsync(notification, outcome, cancellationToken);
            return [outcome];
        }

        var outcomes = await Task.WhenAll(routes.Select(r => SendAsync(notification, r.Channel, r.Subscribers, cancellationToken)));
        return outcomes;
    }

    private async Task<NotificationOutcome> SendAsync(Notification notification, NotificationChannelConfig config, IReadOnlyList<string> subscribers, CancellationToken cancellationToken)
    {
        int attempts = 0;
        NotificationOutcome outcome;
        try
        {
            var channel = _channels(config);
            await _pipeline.ExecuteAsync(
                async ct =>
                {
                    Interlocked.Increment(ref attempts);
                    await channel.SendAsync(notification, ct);
                },
                cancellationToken);
            outcome = new NotificationOutcome(config.Name, true, attempts, Subscribers: subscribers);
        }
        catch (NotificationSendException ex)
        {
            outcome = new NotificationOutcome(config.Name, false, attempts, ex.Message, subscribers);
        }
        catch (TimeoutRejectedException)
        {
            outcome = new NotificationOutcome(config.Name, false, attempts, $"{config.Type} channel '{config.Name}': timed out after {_options.AttemptTimeout}", subscribers);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            outcome = new NotificationOutcome(config.Name, false, attempts, $"{config.Type} channel '{config.Name}': {ex.GetType().Name}", subscribers);
        }

        if (outcome.Delivered)
        {
            _metrics?.NotificationsSent.Add(1, new KeyValuePair<string, object?>("channel", config.Type));
        }
        else
        {
            _metrics?.NotificationsFailed.Add(1, new KeyValuePair<string, object?>("channel", config.Type));
            LogSendFailed(_logger, config.Name, config.Type, notification.Category, notification.EpisodeId, outcome.Attempts, outcome.Error);
        }

        await RecordAsync(notification, outcome, cancellationToken);
        return outcome;
    }

    private async Task RecordAsync(Notification notification, NotificationOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            await _log.RecordAsync(notification, outcome, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRecordFailed(_logger, outcome.Channel, notification.Category, ex);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Notification to channel {Channel} ({Type}) failed: {Category} of episode {EpisodeId}, {Attempts} attempts: {Error}")]
    private static partial void LogSendFailed(ILogger logger, string channel, string type, string category, string? episodeId, int attempts, string? error);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Could not record the outcome of a {Category} notification to channel {Channel}")]
    private static partial void LogRecordFailed(ILogger logger, string channel, string category, Exception exception);
}
