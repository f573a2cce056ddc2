namespace ModelMonitor.Service.Rollbacks.Versions;

/// <summary>No monitoring storage (the CLI): the error-rate part of verification is reported as not evaluated.</summary>
public sealed class NoErrorRateSource : IErrorRateSource
{
    public Task<(long Events, long Errors)> ReadAsync(string modelId, string modelVersion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        Task.FromResult((0L, 0L));
}
