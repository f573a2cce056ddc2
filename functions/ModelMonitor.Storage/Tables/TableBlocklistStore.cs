using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using ModelMonitor.Core.Abuse;

namespace ModelMonitor.Storage.Tables;

/// <summary>
/// The blocklist in the provisioned <c>blocklist</c> table, rows as <see cref="BlocklistRow"/> lays them out
/// (partition = scope, row = caller). A per-request check is at most two point reads (the model's partition, then <c>*</c>);
/// a whole scope is one partition query, cheap to cache. Expired entries stay listed until removed but never block.
/// </summary>
public sealed class TableBlocklistStore(TableClient table, TimeProvider time) : IBlocklistStore
{
    public const string TableName = "blocklist";

    // Creating the table once per process is enough; a race just repeats an idempotent call.
    private bool _tableExists;

    public async Task AddAsync(BlocklistEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await EnsureTableAsync(cancellationToken);
        var entity = BlocklistRow.ToEntity(entry);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> RemoveAsync(string scope, string callerId, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(Key(scope), Key(callerId), cancellationToken: cancellationToken);
        if (!existing.HasValue)
        {
            return false;
        }

        // Unconditional delete: a concurrent removal is the same outcome, and Azure answers it with success too.
        await table.DeleteEntityAsync(Key(scope), Key(callerId), cancellationToken: cancellationToken);
        return true;
    }

    public async IAsyncEnumerable<BlocklistEntry> ListAsync(string scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var partition = Key(scope);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            yield return ToEntry(entity);
        }
    }

    public async Task<BlocklistEntry?> IsBlockedAsync(string modelId, string? callerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        if (string.IsNullOrEmpty(callerId))
        {
            return null;
        }

        await EnsureTableAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var scope in (string[])[modelId, BlocklistEntry.AllModels])
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(Key(scope), Key(callerId), cancellationToken: cancellationToken);
            if (response.HasValue && ToEntry(response.Value!) is { } entry && entry.IsActive(now))
            {
                return entry;
            }
        }

        return null;
    }

    private static BlocklistEntry ToEntry(TableEntity entity) => BlocklistRow.ToEntry(entity);

    private static string Key(string id) => TableKeys.Escape(id);

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
    }
}
