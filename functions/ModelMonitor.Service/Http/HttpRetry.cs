using System.Net;

namespace ModelMonitor.Service.Http;

/// <summary>
/// Sends a request with a per-attempt timeout, retrying transport failures, timeouts, 408, 429 and 5xx with exponential
/// backoff (or the server's Retry-After, capped). Other answers return at once: a 4xx is the caller's to report.
/// </summary>
public static class HttpRetry
{
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <remarks><c>createRequest</c> makes a new request per attempt (a sent request cannot be sent again).</remarks>
    /// <returns>The final response: success, a non-transient error, or the last transient one.</returns>
    /// <exception cref="HttpRequestException">Every attempt failed in transport or timed out.</exception>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http,
        Func<CancellationToken, Task<HttpRequestMessage>> createRequest,
        HttpRetryOptions options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(createRequest);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            Exception? failure = null;
            using (var attemptTimeout = new CancellationTokenSource(options.AttemptTimeout, timeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token))
            {
                try
                {
                    using var request = await createRequest(linked.Token);
                    var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
                    if (!IsTransient(response.StatusCode) || attempt >= options.MaxAttempts)
                    {
                        return response;
                    }

                    retryAfter = RetryAfter(response, timeProvider);
                    response.Dispose();
                }
                catch (HttpRequestException ex)
                {
                    failure = ex;
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new HttpRequestException($"no answer within {options.AttemptTimeout.TotalSeconds:0.###} s", ex);
                }
            }

            if (failure is not null && attempt >= options.MaxAttempts)
            {
                throw new HttpRequestException($"{attempt} attempts failed: {failure.Message}", failure);
            }

            var backoff = options.FirstDelay * Math.Pow(2, attempt - 1);
            var delay = retryAfter ?? backoff;
            await Task.Delay(delay < options.MaxDelay ? delay : options.MaxDelay, timeProvider, cancellationToken);
        }
    }

    /// <summary>The server's Retry-After (seconds or an HTTP date), or null.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
