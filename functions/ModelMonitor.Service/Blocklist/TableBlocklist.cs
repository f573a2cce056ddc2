using Azure;
using Azure.Data.Tables;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Service.Blocklist;

/// <summary>
/// Read-only listing of the provisioned <c>blocklist</c> table across every scope, rows as
/// <see cref="TableBlocklistStore"/> writes them (<see cref="BlocklistRow"/>).
/// </summary>
public sealed class TableBlocklist(TableClient table)
{
    /// <summary>The provisioned table.</summary>
    public const string TableName = TableBlocklistStore.TableName;

    public async Task<BlocklistPage> ListAsync(int maxPageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter: (string?)null, maxPageSize, cancellationToken: cancellationToken).AsPages(continuationToken, maxPageSize))
            {
                return new BlocklistPage([.. page.Values.Select(BlocklistRow.ToEntry)], page.ContinuationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The table is provisioned by the Bicep; locally it may not exist yet: nothing is blocked.
        }

        return new BlocklistPage([], null);
    }
}
