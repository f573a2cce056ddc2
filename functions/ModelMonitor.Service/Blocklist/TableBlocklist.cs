using Azure;
using Azure.Data.Tables;

namespace ModelMonitor.Service.Blocklist;

/// <summary>
/// Read-only listing of the provisioned <c>blocklist</c> table, rows as <c>Storage/Tables/TableBlocklistStore</c> writes
/// them: partition = scope (a model id, or "*" for every model), row key = the caller (percent-encoded), properties
/// <c>Reason</c>, <c>Since</c>, <c>Expiry</c>, <c>AddedBy</c>.
/// </summary>
public sealed class TableBlocklist(TableClient table)
{
    /// <summary>The provisioned table.</summary>
    public const string TableName = "blocklist";


    public async Task<BlocklistPage> ListAsync(int maxPageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        try
        {
            // Every scope (a model id, or "*" for all models; see Storage/Tables/TableBlocklistStore, which writes them).
            await foreach (var page in table.QueryAsync<TableEntity>(filter: (string?)null, maxPageSize, cancellationToken: cancellationToken).AsPages(continuationToken, maxPageSize))
            {
                return new BlocklistPage(
                    [.. page.Values.Select(e => new BlocklistEntry(Uri.UnescapeDataString(e.RowKey), e.GetString("Reason"), e.GetDateTimeOffset("Since"), e.GetDateTimeOffset("Expiry"), e.GetString("AddedBy")))],
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
