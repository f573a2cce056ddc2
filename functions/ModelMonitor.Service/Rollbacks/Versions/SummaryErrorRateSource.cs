using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Service.Rollbacks.Versions;

/// <summary>Error counts from the window summaries' <c>Statuses</c>: every status other than <c>ok</c> is an error.</summary>
public sealed class SummaryErrorRateSource(SummaryReader reader) : IErrorRateSource
{
    public async Task<(long Events, long Errors)> ReadAsync(string modelId, string modelVersion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var summary = await reader.ReadRangeAsync(modelId, modelVersion, from, to, cancellationToken);
        if (summary is null)
        {
            return (0, 0);
        }

        var total = summary.Statuses.TotalCount;
        return (total, total - summary.Statuses.GetCount("ok"));
    }
}
