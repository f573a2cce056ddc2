using System.Net;
using System.Net.Http.Json;
using ModelMonitor.Examples.ScoringApi.Monitoring;
using ModelMonitor.Examples.ScoringApi.Scoring;

namespace ModelMonitor.Examples.ScoringApi.Tests.Infrastructure;

/// <summary>The example's endpoints as a caller uses them.</summary>
internal static class ApiCalls
{
    public static async Task<ScoreResponse> ScoreAsync(this HttpClient client, double amount = 120, string country = "DE")
    {
        using var response = await client.PostAsJsonAsync("/score", new { amount, country, accountAgeDays = 30, callerId = "tenant-42" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ScoreResponse>())!;
    }

    public static async Task<ProducerStats> StatsAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<ProducerStats>("/producer/stats"))!;

    /// <summary>Reads the stats until <paramref name="done"/> holds; the pump updates counters just after the sink returns.</summary>
    public static async Task<ProducerStats> StatsWhenAsync(this HttpClient client, Func<ProducerStats, bool> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var stats = await client.StatsAsync();
            if (done(stats))
            {
                return stats;
            }

            Assert.False(deadline.IsCancellationRequested, $"stats never reached the expected state: {stats}");
            await Task.Delay(20);
        }
    }
}
