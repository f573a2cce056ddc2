using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using ModelMonitor.Core.Abuse;

namespace ModelMonitor.Storage.Tables;

/// <summary>
/// Callers' reputations in the provisioned <c>reputation</c> table: partition = model id, row = caller id (both through
/// <see cref="TableKeys"/>), properties <c>Score</c> (double in [0, 1]) and <c>UpdatedAt</c> (end of the last window
/// folded in). Updates are optimistic: a row is replaced only if its ETag is unchanged (or added only if absent), and
/// a lost race re-reads and re-applies the update.
/// </summary>
public sealed class TableReputationStore(TableClient table) : IReputationStore
{
    public const string TableName = "reputation";

    /// <summary>Attempts of one update under contention before giving up with the last conflict.</summary>
    public const int MaxAttempts = 16;

    // Creating the table once per process is enough; a race just repeats an idempotent call.
    private bool _tableExists;

    public async Task<CallerReputation?> GetAsync(string modelId, string callerId, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(modelId), TableKeys.Escape(callerId), cancellationToken: cancellationToken);
        return response.HasValue ? ToReputation(response.Value!) : null;
    }

    public async Task<CallerReputation?> UpdateAsync(string modelId, string callerId, Func<CallerReputation?, CallerReputation?> update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        await EnsureTableAsync(cancellationToken);
        string partition = TableKeys.Escape(modelId), row = TableKeys.Escape(callerId);
        for (var attempt = 1; ; attempt++)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            var stored = response.HasValue ? ToReputation(response.Value!) : null;
            var next = update(stored);
            if (next is null || next == stored)
            {
                return stored;
            }

            if (!string.Equals(next.CallerId, callerId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The update returned caller '{next.CallerId}' for '{callerId}'.", nameof(update));
            }

            var entity = new TableEntity(partition, row) { ["Score"] = next.Score, ["UpdatedAt"] = next.UpdatedAt };
            try
            {
                if (stored is null)
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }
                else
                {
                    await table.UpdateEntityAsync(entity, response.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return next;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer got there first: read its value and apply the update to it.
            }
        }
    }

    public async IAsyncEnumerable<CallerReputation> ListAsync(string modelId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var partition = TableKeys.Escape(modelId);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            yield return ToReputation(entity);
        }
    }

    private static CallerReputation ToReputation(TableEntity entity) => new(
        TableKeys.Unescape(entity.RowKey),
        Math.Clamp(entity.GetDouble("Score") ?? 1.0, 0.0, 1.0),
        entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
    }
}
