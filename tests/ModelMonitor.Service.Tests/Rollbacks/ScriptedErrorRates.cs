using ModelMonitor.Service.Rollbacks.Versions;

namespace ModelMonitor.Service.Tests.Rollbacks;

/// <summary>Error counts per model from its scenario (the summary-backed source needs ingested windows; its arithmetic is one line).</summary>
public sealed class ScriptedErrorRates(Func<string, SiteScenario?> scenario) : IErrorRateSource
{
    public Task<(long Events, long Errors)> ReadAsync(string modelId, string modelVersion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        Task.FromResult(scenario(modelId)?.ErrorCounts ?? (0, 0));
}
