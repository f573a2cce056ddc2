using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace ModelMonitor.Service.AzureMonitor;

/// <summary>
/// Receipts in the provisioned <c>audit</c> table, partition <see cref="Partition"/>, row = a hash of alert id and
/// condition. Insert-only: a 409 is the repeat. The row keeps what arrived and what was done, for the audit trail.
/// </summary>
public sealed class TableAlertReceiptLog(TableClient table) : IAlertReceiptLog
{
    /// <summary>The provisioned audit table.</summary>
    public const string TableName = "audit";

    /// <summary>The partition holding Azure Monitor alert receipts.</summary>
    public const string Partition = "azuremonitoralerts";

    private bool _tableExists;

    public async Task<bool> TryRecordAsync(AlertReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        await EnsureTableAsync(cancellationToken);
        var e = receipt.Essentials;
        var entity = new TableEntity(Partition, RowKey(e))
        {
            ["AlertId"] = Truncate(e.AlertId),
            ["AlertRule"] = Truncate(e.AlertRule),
            ["Severity"] = Truncate(e.Severity),
            ["MonitorCondition"] = Truncate(e.MonitorCondition),
            ["MonitoringService"] = Truncate(e.MonitoringService),
            ["ModelId"] = receipt.ModelId,
            ["Action"] = receipt.Action,
            ["ReceivedAt"] = receipt.ReceivedAt,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task ForgetAsync(AlertEssentials essentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(essentials);
        await table.DeleteEntityAsync(Partition, RowKey(essentials), ETag.All, cancellationToken);
    }

    /// <summary>The row key of one alert id and condition.</summary>
    public static string RowKey(AlertEssentials essentials)
    {
        ArgumentNullException.ThrowIfNull(essentials);
        var key = $"{essentials.AlertId}\n{essentials.MonitorCondition?.ToUpperInvariant()}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40];
    }

    // A table string property holds 32 Ki characters; alert fields are far shorter, but a hostile sender need not be.
    private static string? Truncate(string? value) => value is { Length: > 1024 } ? value[..1024] : value;

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
    }
}
