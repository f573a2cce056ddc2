namespace ModelMonitor.Service.Rollbacks.Versions;

/// <summary>Serving errors of a model version over a range, from the monitoring summaries (events whose status is not <c>ok</c>).</summary>
public interface IErrorRateSource
{
    /// <returns>Events with a status and how many were not <c>ok</c>; (0, 0) when nothing was stored in the range.</returns>
    Task<(long Events, long Errors)> ReadAsync(string modelId, string modelVersion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
