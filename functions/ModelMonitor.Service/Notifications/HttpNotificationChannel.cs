using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace ModelMonitor.Service.Notifications;

/// <summary>
/// Teams, Slack and generic webhooks: posts the type's payload; a generic webhook with a secret is signed
/// (<see cref="WebhookSignature"/>). Errors name the status, never the URL (webhook URLs carry their tokens).
/// </summary>
public sealed class HttpNotificationChannel(HttpClient http, NotificationChannelConfig config, byte[]? secret, TimeProvider timeProvider) : INotificationChannel
{
    public string Name => config.Name;

    public string Type => config.Type;

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        byte[] body = config.Type switch
        {
            ChannelTypes.Teams => NotificationPayloads.Teams(notification),
            ChannelTypes.Slack => NotificationPayloads.Slack(notification),
            _ => NotificationPayloads.Generic(notification),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, config.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (secret is not null)
        {
            long timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new NotificationSendException($"{config.Type} channel '{config.Name}': connection failed ({ex.HttpRequestError})", isTransient: true, innerException: ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            int status = (int)response.StatusCode;
            bool transient = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500;
            TimeSpan? retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - timeProvider.GetUtcNow(),
                _ => null,
            };
            throw new NotificationSendException($"{config.Type} channel '{config.Name}': HTTP {status}", transient, retryAfter);
        }
    }
}
