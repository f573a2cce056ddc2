using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using ModelMonitor.Core.Rollbacks;

namespace ModelMonitor.Storage.Tables;

/// <summary>
/// Rollback audit records in the <c>audit</c> table: partition <c>rollback-{modelId}</c>, row = inverted ticks of the
/// record time and the instance id, so a model's newest rollbacks list first. Upsert: a replayed final activity
/// (at-least-once) rewrites the same row instead of adding a second one.
/// </summary>
public sealed class TableRollbackAuditStore(TableClient table) : IRollbackAuditStore
{
    public const string TableName = "audit";

    private bool _tableExists;

    public static string PartitionKey(string modelId) => $"rollback-{modelId}";

    public async Task WriteAsync(RollbackAuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_tableExists)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }

        var started = record.Steps.Count > 0 && DateTimeOffset.TryParse(record.Steps[0].At, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var first) ? first : record.RecordedAt;
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - started.UtcTicks:D19}-{record.InstanceId}");
        var entity = new TableEntity(PartitionKey(record.ModelId), rowKey)
        {
            ["Kind"] = "rollback",
            ["InstanceId"] = record.InstanceId,
            ["ModelId"] = record.ModelId,
            ["Site"] = record.Site,
            ["StandbySlot"] = record.StandbySlot,
            ["RequestedBy"] = record.RequestedBy,
            ["Reason"] = record.Reason,
            ["AlertId"] = record.AlertId,
            ["DryRun"] = record.DryRun,
            ["FromVersion"] = record.FromVersion,
            ["ToVersion"] = record.ToVersion,
            ["Evidence"] = record.Evidence,
            ["Outcome"] = record.Outcome,
            ["StartedAt"] = started,
            ["RecordedAt"] = record.RecordedAt,
            ["Steps"] = JsonSerializer.Serialize(record.Steps.Select(s => new Dictionary<string, string> { ["name"] = s.Name, ["status"] = s.Status, ["at"] = s.At, ["detail"] = s.Detail })),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The audited rollbacks of a model, newest first (the row keys' order); none when the table does not exist.</summary>
    public async Task<IReadOnlyList<RollbackAuditRecord>> ListAsync(string modelId, CancellationToken cancellationToken = default)
    {
        var records = new List<RollbackAuditRecord>();
        try
        {
            await foreach (var t in table.QueryAsync<TableEntity>(e => e.PartitionKey == PartitionKey(modelId), cancellationToken: cancellationToken))
            {
                var steps = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(t.GetString("Steps") ?? "[]") ?? [];
                records.Add(new RollbackAuditRecord(
                    t.GetString("InstanceId") ?? t.RowKey,
                    t.GetString("ModelId") ?? modelId,
                    t.GetString("Site") ?? string.Empty,
                    t.GetString("StandbySlot") ?? string.Empty,
                    t.GetString("RequestedBy") ?? string.Empty,
                    t.GetString("Reason") ?? string.Empty,
                    t.GetString("AlertId"),
                    t.GetBoolean("DryRun") ?? false,
                    t.GetString("FromVersion"),
                    t.GetString("ToVersion"),
                    t.GetString("Evidence"),
                    t.GetString("Outcome") ?? string.Empty,
                    t.GetDateTimeOffset("RecordedAt") ?? default,
                    [.. steps.Select(s => new RollbackAuditStep(s.GetValueOrDefault("name") ?? string.Empty, s.GetValueOrDefault("status") ?? string.Empty, s.GetValueOrDefault("at") ?? string.Empty, s.GetValueOrDefault("detail") ?? string.Empty))]));
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // No rollback was ever audited in this account.
        }

        return records;
    }
}
