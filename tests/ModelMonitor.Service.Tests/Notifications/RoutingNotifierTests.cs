using System.Net.Http;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ModelMonitor.Core.Checks;
using ModelMonitor.Service.Notifications;

namespace ModelMonitor.Service.Tests.Notifications;

public sealed class RoutingNotifierTests : IDisposable
{
    private const string Secret = "s3cret-for-tests";
    private readonly LoopbackServer _server = new();
    private readonly HttpClient _http = new();
    private readonly RecordingLog _log = new();

    private static Notification Opened(Severity severity = Severity.Error, string model = "fraud", string kind = AlertKind.FeatureDrift) => new(
        NotificationCategories.EpisodeOpened, $"[{severity}] feature-drift on 'amount' on {model} v1", "Drifted.", severity, model, kind,
        EpisodeId: "feature-drift||fraud|v1|amount#1", Evidence: new Dictionary<string, double?> { ["score"] = 0.001, ["n"] = 500 });

    private RoutingNotifier Notifier(string policyJson, NotifierOptions? options = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var parsed = NotificationPolicy.Parse(policyJson.Replace("URL", _server.Url, StringComparison.Ordinal));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        var factory = new NotificationChannelFactory(_http, name => settings is not null && settings.TryGetValue(name, out var v) ? v : null, TimeProvider.System, TextWriter.Null);
        return new RoutingNotifier(
            new StaticNotificationPolicySource(parsed.Policy!),
            factory.Create,
            _log,
            options ?? new NotifierOptions { BaseDelay = TimeSpan.FromMilliseconds(5), AttemptTimeout = TimeSpan.FromSeconds(5) },
            TimeProvider.System,
            NullLogger<RoutingNotifier>.Instance);
    }

    [Fact]
    public async Task Teams_ReceivesAnAdaptiveCard()
    {
        var outcomes = await Notifier("""{"notifications":[{"type":"teams","url":"URL","minSeverity":"warning"}]}""").NotifyAsync(Opened());

        var request = Assert.Single(_server.Received);
        using var json = JsonDocument.Parse(request.Body);
        var attachment = json.RootElement.GetProperty("attachments")[0];
        Assert.True(Assert.Single(outcomes).Delivered);
        Assert.Equal("message", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.4", card.GetProperty("version").GetString());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card.GetProperty("$schema").GetString());
        var first = card.GetProperty("body")[0];
        Assert.Equal("TextBlock", first.GetProperty("type").GetString());
        Assert.True(first.GetProperty("wrap").GetBoolean());
        Assert.Contains("feature-drift", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_ReceivesTextAndASectionBlock()
    {
        await Notifier("""{"notifications":[{"type":"slack","url":"URL"}]}""").NotifyAsync(Opened());

        using var json = JsonDocument.Parse(Assert.Single(_server.Received).Body);
        Assert.Equal(Opened().Title, json.RootElement.GetProperty("text").GetString());
        var block = json.RootElement.GetProperty("blocks")[0];
        Assert.Equal("section", block.GetProperty("type").GetString());
        Assert.Equal("mrkdwn", block.GetProperty("text").GetProperty("type").GetString());
        Assert.Contains("Drifted.", block.GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_IsSignedOverTimestampAndExactBody()
    {
        await Notifier(
            """{"notifications":[{"type":"webhook","url":"URL","secretSetting":"HOOK_SECRET"}]}""",
            settings: new Dictionary<string, string> { ["HOOK_SECRET"] = Secret }).NotifyAsync(Opened());

        var request = Assert.Single(_server.Received);
        long timestamp = long.Parse(request.Headers[WebhookSignature.TimestampHeader], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(WebhookSignature.Verify(Encoding.UTF8.GetBytes(Secret), timestamp, request.Body, request.Headers[WebhookSignature.SignatureHeader]));
        Assert.False(WebhookSignature.Verify(Encoding.UTF8.GetBytes(Secret), timestamp + 1, request.Body, request.Headers[WebhookSignature.SignatureHeader]));
        Assert.False(WebhookSignature.Verify(Encoding.UTF8.GetBytes("other"), timestamp, request.Body, request.Headers[WebhookSignature.SignatureHeader]));
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("episode-opened", json.RootElement.GetProperty("category").GetString());
        Assert.Equal("error", json.RootElement.GetProperty("severity").GetString());
        Assert.Equal(0.001, json.RootElement.GetProperty("evidence").GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Webhook_MissingSecretSetting_FailsRecordedWithoutSending()
    {
        var outcome = Assert.Single(await Notifier("""{"notifications":[{"type":"webhook","url":"URL","secretSetting":"NOT_SET"}]}""").NotifyAsync(Opened()));

        Assert.False(outcome.Delivered);
        Assert.Contains("NOT_SET", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(_server.Received);
        Assert.Same(outcome, Assert.Single(_log.Outcomes));
    }

    [Fact]
    public async Task ServerError_ThenOk_IsRetriedAndDelivered()
    {
        _server.EnqueueStatus(500);

        var outcome = Assert.Single(await Notifier("""{"notifications":[{"type":"slack","url":"URL"}]}""").NotifyAsync(Opened()));

        Assert.True(outcome.Delivered);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(2, _server.Received.Count);
    }

    [Fact]
    public async Task TooManyRequests_HonoursRetryAfter()
    {
        _server.EnqueueStatus(429, retryAfter: "1");

        var outcome = Assert.Single(await Notifier("""{"notifications":[{"type":"slack","url":"URL"}]}""").NotifyAsync(Opened()));

        var requests = _server.Received.ToArray();
        Assert.True(outcome.Delivered);
        Assert.Equal(2, requests.Length);
        // Backoff alone would wait ~5 ms; only the server's Retry-After explains a gap near a second.
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"gap {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task AlwaysFailing_GivesUpAfterRetriesAndRecordsTheFailure()
    {
        for (int i = 0; i < 4; i++)
        {
            _server.EnqueueStatus(503);
        }

        var outcome = Assert.Single(await Notifier("""{"notifications":[{"type":"teams","url":"URL"}]}""").NotifyAsync(Opened()));

        Assert.False(outcome.Delivered);
        Assert.Equal(4, outcome.Attempts);
        Assert.Equal("teams channel 'teams': HTTP 503", outcome.Error);
        Assert.DoesNotContain("secret-token", outcome.Error, StringComparison.Ordinal);
        Assert.Same(outcome, Assert.Single(_log.Outcomes));
    }

    [Fact]
    public async Task Timeout_IsRetriedThenRecordedAsFailed()
    {
        for (int i = 0; i < 2; i++)
        {
            _server.Enqueue(async r => await Task.Delay(TimeSpan.FromSeconds(2)));
        }

        var outcome = Assert.Single(await Notifier(
            """{"notifications":[{"type":"slack","url":"URL"}]}""",
            new NotifierOptions { BaseDelay = TimeSpan.FromMilliseconds(5), AttemptTimeout = TimeSpan.FromMilliseconds(200), MaxRetries = 1 }).NotifyAsync(Opened()));

        Assert.False(outcome.Delivered);
        Assert.Equal(2, outcome.Attempts);
        Assert.Contains("timed out", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscriptions_RouteToExactlyTheMatchingSubscribers()
    {
        const string policy = """
            {"notifications":[{"type":"webhook","url":"URL","name":"fraud-hook"},{"type":"slack","url":"URL","name":"ops","minSeverity":"critical"}],
             "subscriptions":[
               {"subscriber":"fraud-team","channel":"fraud-hook","model":"fraud","kind":"*","minSeverity":"warning","thresholds":{"feature-drift":"error"}},
               {"subscriber":"pricing-team","channel":"fraud-hook","model":"pricing","kind":"*","minSeverity":"warning"}]}
            """;
        var notifier = Notifier(policy);

        var warningDrift = await notifier.NotifyAsync(Opened(Severity.Warning));
        var errorDrift = await notifier.NotifyAsync(Opened(Severity.Error));
        var warningQuality = await notifier.NotifyAsync(Opened(Severity.Warning, kind: AlertKind.ModelQuality));
        var critical = await notifier.NotifyAsync(Opened(Severity.Critical));

        Assert.Empty(warningDrift);
        Assert.Equal(["fraud-team"], Assert.Single(errorDrift).Subscribers!);
        Assert.Equal(["fraud-team"], Assert.Single(warningQuality).Subscribers!);
        Assert.Equal(["fraud-hook", "ops"], critical.Select(o => o.Channel).Order().ToArray());
        Assert.Equal(4, _server.Received.Count);
    }

    public void Dispose()
    {
        _server.Dispose();
        _http.Dispose();
    }

    private sealed class RecordingLog : INotificationLog
    {
        public List<NotificationOutcome> Outcomes { get; } = [];

        public Task RecordAsync(Notification notification, NotificationOutcome outcome, CancellationToken cancellationToken = default)
        {
            lock (Outcomes)
            {
                Outcomes.Add(outcome);
            }

            return Task.CompletedTask;
        }
    }
}
