using System.Collections.Concurrent;

namespace ModelMonitor.Service.AzureMonitor;

/// <summary>Receipts for one process: the CLI's single payload, and tests. Same keys as the table log.</summary>
public sealed class InMemoryAlertReceiptLog : IAlertReceiptLog
{
    private readonly ConcurrentDictionary<string, AlertReceipt> _receipts = new(StringComparer.Ordinal);

    /// <summary>What was recorded.</summary>
    public IReadOnlyCollection<AlertReceipt> Receipts => [.. _receipts.Values];

    public Task<bool> TryRecordAsync(AlertReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return Task.FromResult(_receipts.TryAdd(TableAlertReceiptLog.RowKey(receipt.Essentials), receipt));
    }

    public Task ForgetAsync(AlertEssentials essentials, CancellationToken cancellationToken = default)
    {
        _receipts.TryRemove(TableAlertReceiptLog.RowKey(essentials), out _);
        return Task.CompletedTask;
    }
}
