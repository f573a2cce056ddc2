namespace ModelMonitor.Service.AzureMonitor;

/// <summary>
/// Which Azure Monitor alerts were received, keyed by alert id and condition: action groups redeliver, and a repeated
/// Fired must start nothing new while its later Resolved is still recorded.
/// </summary>
public interface IAlertReceiptLog
{
    /// <returns>True the first time this alert id and condition are recorded, false for a repeat.</returns>
    Task<bool> TryRecordAsync(AlertReceipt receipt, CancellationToken cancellationToken = default);

    /// <summary>Removes a receipt whose action failed, so the action group's retry can act.</summary>
    Task ForgetAsync(AlertEssentials essentials, CancellationToken cancellationToken = default);
}
