using System.Globalization;
using Azure.Data.Tables;

namespace ModelMonitor.Service.Notifications;

/// <summary>
/// Send outcomes in the <c>alerts</c> table beside the episodes: partition <c>notifications|{modelId}</c>, row
/// newest first (inverted ticks) plus a random suffix; delivered and failed sends alike, so failures can be queried and resent.
/// </summary>
public sealed class TableNotificationLog(TableClient table, TimeProvider timeProvider) : INotificationLog
{
    private bool _tableExists;

    public async Task RecordAsync(Notification notification, NotificationOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(outcome);
        if (!_tableExists)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }

        var now = timeProvider.GetUtcNow();
        string row = (DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        await table.AddEntityAsync(
            new TableEntity("notifications|" + (notification.ModelId ?? "-"), row)
            {
                ["Category"] = notification.Category,
                ["Title"] = notification.Title,
                ["Severity"] = notification.Severity.ToString().ToLowerInvariant(),
                ["Kind"] = notification.Kind,
                ["EpisodeId"] = notification.EpisodeId,
                ["Channel"] = outcome.Channel,
                ["Delivered"] = outcome.Delivered,
                ["Attempts"] = outcome.Attempts,
                ["Error"] = outcome.Error,
                ["Subscribers"] = outcome.Subscribers is { Count: > 0 } s ? string.Join(',', s) : null,
                ["At"] = now,
            },
            cancellationToken);
    }
}
