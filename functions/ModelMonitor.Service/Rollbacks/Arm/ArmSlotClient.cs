using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;
using ModelMonitor.Service.Http;
using ModelMonitor.Service.Rollbacks.Orchestration;

namespace ModelMonitor.Service.Rollbacks.Arm;

/// <summary>
/// The few Microsoft.Web calls a rollback needs, over plain HTTP (Azure.ResourceManager.AppService is not available
/// here): start a slot swap, poll its operation, read <c>MODEL_VERSION</c> from a slot's app settings. Each call gets a
/// bearer token for the endpoint's scope, a timeout, and retries of 429/5xx with backoff.
/// </summary>
public sealed class ArmSlotClient(HttpClient http, TokenCredential credential, TimeProvider timeProvider, HttpRetryOptions retry)
{
    /// <summary>The app setting that names the model version a slot serves (not sticky, so it moves with a swap).</summary>
    public const string ModelVersionSetting = "MODEL_VERSION";

    private static readonly byte[] SwapBody = Encoding.UTF8.GetBytes("""{"targetSlot":"production","preserveVnet":true}""");

    public async Task<SwapProgress> StartSwapAsync(ArmSite site, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(site);
        return await SendSwapCallAsync(site, HttpMethod.Post, site.SwapUrl, SwapBody, cancellationToken);
    }

    /// <summary>Polls a swap's operation URL (only on the site's ARM host: the bearer token never goes elsewhere).</summary>
    public async Task<SwapProgress> PollSwapAsync(ArmSite site, string location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (!Uri.TryCreate(location, UriKind.Absolute, out var url)
            || !string.Equals(url.GetLeftPart(UriPartial.Authority), new Uri(site.ArmEndpoint).GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            return new SwapProgress(SwapProgress.Failed, null, -1, $"ARM returned a Location outside {site.ArmEndpoint}: {location}");
        }

        return await SendSwapCallAsync(site, HttpMethod.Get, url, null, cancellationToken);
    }

    /// <returns>The slot's <c>MODEL_VERSION</c>, or null when the setting is absent.</returns>
    /// <exception cref="HttpRequestException">ARM refused or failed (the message says how).</exception>
    public async Task<string?> ReadModelVersionAsync(ArmSite site, string? slot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(site);
        var url = site.AppSettingsUrl(slot);
        using var response = await SendAsync(site, HttpMethod.Post, url, [], cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"ARM answered {(int)response.StatusCode} to POST {url.AbsolutePath}: {Brief(body)}", null, response.StatusCode);
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("properties", out var properties)
            && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty(ModelVersionSetting, out var version)
            && version.ValueKind == JsonValueKind.String
                ? version.GetString()
                : null;
    }

    private async Task<SwapProgress> SendSwapCallAsync(ArmSite site, HttpMethod method, Uri url, byte[]? body, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await SendAsync(site, method, url, body, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return new SwapProgress(SwapProgress.Failed, null, -1, $"{method} {url.AbsolutePath}: {ex.Message}");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var location = response.Headers.Location?.ToString();
                if (location is null)
                {
                    return new SwapProgress(SwapProgress.Failed, null, -1, "ARM answered 202 without a Location to poll");
                }

                var retryAfter = HttpRetry.RetryAfter(response, timeProvider);
                return new SwapProgress(SwapProgress.Accepted, location, retryAfter is { } r ? (long)r.TotalMilliseconds : -1, "202 accepted");
            }

            if (response.IsSuccessStatusCode)
            {
                return new SwapProgress(SwapProgress.Completed, null, -1, string.Create(CultureInfo.InvariantCulture, $"{status} swapped"));
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var kind = HttpRetry.IsTransient(response.StatusCode) ? "still failing after retries" : "refused";
            return new SwapProgress(SwapProgress.Failed, null, -1, string.Create(CultureInfo.InvariantCulture, $"ARM {kind}: {status} to {method} {url.AbsolutePath}: {Brief(text)}"));
        }
    }

    private Task<HttpResponseMessage> SendAsync(ArmSite site, HttpMethod method, Uri url, byte[]? body, CancellationToken cancellationToken) =>
        HttpRetry.SendAsync(
            http,
            async ct =>
            {
                var token = await credential.GetTokenAsync(new TokenRequestContext([site.Scope]), ct);
                var request = new HttpRequestMessage(method, url);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                }

                return request;
            },
            retry,
            timeProvider,
            cancellationToken);

    private static string Brief(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
