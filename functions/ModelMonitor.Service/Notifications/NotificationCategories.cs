namespace ModelMonitor.Service.Notifications;

/// <summary>Stable values of <see cref="Notification.Category"/>.</summary>
public static class NotificationCategories
{
    public const string EpisodeOpened = "episode-opened";
    public const string SeverityRaised = "severity-raised";
    public const string EpisodeReminder = "episode-reminder";
    public const string EpisodeResolved = "episode-resolved";
    public const string Rollback = "rollback";
}
