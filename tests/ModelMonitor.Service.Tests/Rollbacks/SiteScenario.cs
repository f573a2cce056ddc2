using System.Collections.Concurrent;
using ModelMonitor.Service.Tests.Infrastructure;

namespace ModelMonitor.Service.Tests.Rollbacks;

/// <summary>
/// What the fake Azure does for one site (the site name is also the model id): which version each slot runs (MODEL_VERSION,
/// swapped when a swap completes), health and scoring answers per version, scripted swap and poll answers, error counts.
/// </summary>
public sealed class SiteScenario(string site)
{
    private readonly object _gate = new();

    public string Site { get; } = site;

    public string ProductionVersion { get; private set; } = "2.0.0";

    public string StandbyVersion { get; private set; } = "1.0.0";

    public Dictionary<string, int> HealthStatus { get; } = new(StringComparer.Ordinal);

    /// <summary>Scoring response body per version; default <c>{"score":0.5,"version":…}</c>.</summary>
    public Dictionary<string, string> ScoreBody { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers to the swap POST, in order; when empty, 200.</summary>
    public ConcurrentQueue<(int Status, string? RetryAfter)> SwapAnswers { get; } = new();

    /// <summary>Answers to polls of the Location, in order; when empty, 200.</summary>
    public ConcurrentQueue<(int Status, string? RetryAfter)> PollAnswers { get; } = new();

    public (long Events, long Errors) ErrorCounts { get; set; }

    public ConcurrentQueue<RecordedRequest> Arm { get; } = new();

    public ConcurrentQueue<RecordedRequest> Scoring { get; } = new();

    public int SwapsCompleted { get; private set; }

    public string VersionIn(string slot) => slot == "production" ? ProductionVersion : StandbyVersion;

    public void SetVersions(string production, string standby)
    {
        lock (_gate)
        {
            (ProductionVersion, StandbyVersion) = (production, standby);
        }
    }

    public void CompleteSwap()
    {
        lock (_gate)
        {
            (ProductionVersion, StandbyVersion) = (StandbyVersion, ProductionVersion);
            SwapsCompleted++;
        }
    }

    public IReadOnlyList<RecordedRequest> SwapPosts => [.. Arm.Where(r => r.Method == "POST" && r.Path.EndsWith("/slotsswap", StringComparison.Ordinal))];

    public IReadOnlyList<RecordedRequest> Polls => [.. Arm.Where(r => r.Method == "GET" && r.Path.StartsWith("/operations/", StringComparison.Ordinal))];
}
