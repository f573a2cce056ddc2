using Azure;
using Azure.Data.Tables;

namespace ModelMonitor.Service.Blocklist;

/// <summary>
/// Read-only listing of the provisioned <c>blocklist</c> table. Row shape (decided here, nothing writes it yet):
/// partition <see cref="Partition"/>, row key = caller, properties <c>Reason</c>, <c>Since</c>, <c>Expiry</c>, <c>AddedBy</c>.
/// </summary>
public sealed class TableBlocklist(TableClient table)
{
    /// <summary>The provisioned table.</summary>
    public const string TableName = "blocklist";

    /// <summary>The partition holding caller entries.</summary>
    public const string Partition = "callers";

    public async Task<BlocklistPage> ListAsync(int maxPageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
            await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPageSize, cancellationToken: cancellationToken).AsPages(continuationToken, maxPageSize))
            {
                return new BlocklistPage(
                    [.. page.Values.Select(e => new BlocklistEntry(e.RowKey, e.GetString("Reason"), e.GetDateTimeOffset("Since"), e.GetDateTimeOffset("Expiry"), e.GetString("AddedBy")))],
                    page.ContinuationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The table is provisioned by the Bicep; locally it may not exist yet: nothing is blocked.
        }

        return new BlocklistPage([], null);
    }
}
