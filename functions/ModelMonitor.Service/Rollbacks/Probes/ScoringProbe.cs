using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Service.Http;
using ModelMonitor.Service.Rollbacks.Orchestration;

namespace ModelMonitor.Service.Rollbacks.Probes;

/// <summary>Probes a slot's endpoints: its health path answers 2xx, and every golden example scores as expected.</summary>
public sealed class ScoringProbe(HttpClient http, TimeProvider timeProvider, HttpRetryOptions retry)
{
    public async Task<ProbeResult> CheckHealthAsync(string baseUrl, string healthPath, CancellationToken cancellationToken = default)
    {
        var url = Combine(baseUrl, healthPath);
        try
        {
            using var response = await HttpRetry.SendAsync(http, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url)), retry, timeProvider, cancellationToken);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new ProbeResult(true, string.Create(CultureInfo.InvariantCulture, $"GET {url} answered {status}"))
                : new ProbeResult(false, string.Create(CultureInfo.InvariantCulture, $"GET {url} answered {status}"));
        }
        catch (HttpRequestException ex)
        {
            return new ProbeResult(false, $"GET {url} failed: {ex.Message}");
        }
    }

    /// <summary>Posts every example to the scoring path; fails on the first transport error, reports every mismatch (the first three in detail).</summary>
    public async Task<ProbeResult> CheckGoldenAsync(string baseUrl, string scoringPath, IReadOnlyList<GoldenExample> examples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var url = Combine(baseUrl, scoringPath);
        var mismatches = new List<string>();
        foreach (var example in examples)
        {
            string body;
            try
            {
                using var response = await HttpRetry.SendAsync(
                    http,
                    _ =>
                    {
                        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(example.Input, Encoding.UTF8) };
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                        return Task.FromResult(request);
                    },
                    retry,
                    timeProvider,
                    cancellationToken);
                body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"line {example.Line}: POST {url} answered {(int)response.StatusCode}"));
                    continue;
                }
            }
            catch (HttpRequestException ex)
            {
                return new ProbeResult(false, string.Create(CultureInfo.InvariantCulture, $"line {example.Line}: POST {url} failed: {ex.Message}"));
            }

            if (GoldenComparison.FindMismatch(example.Expected, body, example.Tolerance) is { } mismatch)
            {
                mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"line {example.Line}: {mismatch}"));
            }
        }

        return mismatches.Count == 0
            ? new ProbeResult(true, string.Create(CultureInfo.InvariantCulture, $"{examples.Count} golden examples match at {url}"))
            : new ProbeResult(false, string.Create(CultureInfo.InvariantCulture, $"{mismatches.Count} of {examples.Count} golden examples differ at {url}: {string.Join("; ", mismatches.Take(3))}"));
    }

    private static string Combine(string baseUrl, string path) => baseUrl.TrimEnd('/') + path;
}
