using Azure;
using Azure.Data.Tables;

namespace ModelMonitor.Service.Alerts;

/// <summary>
/// The ops view of the <c>alerts</c> table written by <c>TableAlertSink</c> (partition = model, row = dedup hash).
/// Acknowledging merges <c>AcknowledgedBy</c>/<c>AcknowledgedAt</c> into the row; the sink never rewrites rows, so
/// the merge cannot be lost. Ids are <c>{modelId}~{rowKey}</c>.
/// </summary>
public sealed class TableAlertBook(TableClient table, TimeProvider time) : IAlertBook
{
    private const char Separator = '~';

    public async Task<AlertPage> ListAsync(string? modelId, string? state, int maxPageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        // State is filtered here, not in the query: a row never acknowledged has no AcknowledgedBy property, and
        // table filters on a missing property do not match either way. A page can therefore hold fewer items.
        var filter = modelId is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {modelId}");
        try
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPageSize, cancellationToken: cancellationToken).AsPages(continuationToken, maxPageSize))
            {
                return new AlertPage([.. page.Values.Select(ToRecord).Where(r => state is null || r.State == state)], page.ContinuationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No alerts table yet: nothing was ever raised.
        }

        return new AlertPage([], null);
    }

    public async Task<AlertRecord?> AcknowledgeAsync(string id, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var cut = id.IndexOf(Separator, StringComparison.Ordinal);
        if (cut <= 0 || cut == id.Length - 1)
        {
            return null;
        }

        var (partition, row) = (id[..cut], id[(cut + 1)..]);
        try
        {
            var patch = new TableEntity(partition, row) { ["AcknowledgedBy"] = by, ["AcknowledgedAt"] = time.GetUtcNow() };
            await table.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
            var entity = await table.GetEntityAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            return ToRecord(entity.Value);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static AlertRecord ToRecord(TableEntity e)
    {
        var by = e.GetString("AcknowledgedBy");
        return new AlertRecord(
            $"{e.PartitionKey}{Separator}{e.RowKey}",
            e.PartitionKey,
            e.GetString("Kind"),
            e.GetString("Severity"),
            string.IsNullOrEmpty(by) ? AlertStates.Open : AlertStates.Acknowledged,
            e.GetString("Message"),
            e.GetDateTimeOffset("WindowStart"),
            string.IsNullOrEmpty(by) ? null : by);
    }
}
