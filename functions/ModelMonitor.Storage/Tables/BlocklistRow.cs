using Azure.Data.Tables;
using ModelMonitor.Core.Abuse;

namespace ModelMonitor.Storage.Tables;

/// <summary>
/// The one row layout of the <c>blocklist</c> table, for the store that writes it (<see cref="TableBlocklistStore"/>)
/// and every reader: partition = scope (a model id, or <see cref="BlocklistEntry.AllModels"/>), row = caller id (both
/// through <see cref="TableKeys"/>), properties <c>Reason</c>, <c>Since</c>, <c>Expiry</c> (absent: until removed) and
/// <c>AddedBy</c>.
/// </summary>
public static class BlocklistRow
{
    public static TableEntity ToEntity(BlocklistEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new TableEntity(TableKeys.Escape(entry.Scope), TableKeys.Escape(entry.CallerId))
        {
            ["Reason"] = entry.Reason,
            ["Since"] = entry.Since,
            ["Expiry"] = entry.Expiry,
            ["AddedBy"] = entry.AddedBy,
        };
    }

    /// <summary>The entry of a row; a row written by hand without reason or author reads "unknown", without start the earliest time.</summary>
    public static BlocklistEntry ToEntry(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new(
            TableKeys.Unescape(entity.PartitionKey),
            TableKeys.Unescape(entity.RowKey),
            entity.GetString("Reason") is { Length: > 0 } reason ? reason : "unknown",
            entity.GetDateTimeOffset("Since") ?? DateTimeOffset.MinValue,
            entity.GetDateTimeOffset("Expiry"),
            entity.GetString("AddedBy") is { Length: > 0 } addedBy ? addedBy : "unknown");
    }
}
