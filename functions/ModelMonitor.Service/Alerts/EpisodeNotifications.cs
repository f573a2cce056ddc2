using System.Globalization;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Service.Notifications;

namespace ModelMonitor.Service.Alerts;

/// <summary>The notification a transition asks for, in words a person reads.</summary>
public static class EpisodeNotifications
{
    /// <param name="episode">The episode.</param>
    /// <param name="notice">What happened to it.</param>
    /// <param name="cascadeNote">For the root of a cascade, the sentence naming the downstream alerts it likely explains.</param>
    public static Notification Create(AlertEpisode episode, EpisodeNotice notice, string? cascadeNote = null)
    {
        ArgumentNullException.ThrowIfNull(episode);
        string what = episode.Kind + (episode.Subkind is { } s ? "/" + s : string.Empty) + (episode.Feature is { } f ? $" on '{f}'" : string.Empty);
        string target = $"{episode.ModelId} {episode.ModelVersion}";
        string severity = episode.Severity.ToString().ToLowerInvariant();
        string window = string.Create(CultureInfo.InvariantCulture, $"{episode.LatestWindowStart:u} – {episode.LatestWindowEnd:u}");
        (string category, string title) = notice switch
        {
            EpisodeNotice.Opened => (NotificationCategories.EpisodeOpened, $"[{severity}] {what} on {target}"),
            EpisodeNotice.SeverityRaised => (NotificationCategories.SeverityRaised, $"[{severity}] {what} on {target} got worse"),
            EpisodeNotice.Reminder => (NotificationCategories.EpisodeReminder, $"[{severity}] {what} on {target} is still firing"),
            EpisodeNotice.Resolved => (NotificationCategories.EpisodeResolved, $"[resolved] {what} on {target}"),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice, "Nothing to notify."),
        };
        string text = string.Create(
            CultureInfo.InvariantCulture,
            $"{episode.Message ?? what}. Episode {episode.Number} of this condition: {episode.Occurrences} occurrence(s) since {episode.FirstSeen:u}, peak {episode.PeakSeverity.ToString().ToLowerInvariant()}, latest window {window}.")
            + (cascadeNote is null ? string.Empty : " " + cascadeNote);
        return new Notification(
            category,
            title,
            text,
            notice == EpisodeNotice.Resolved ? episode.PeakSeverity : episode.Severity,
            episode.ModelId,
            episode.Kind,
            EpisodeId: episode.Id,
            Evidence: episode.Evidence,
            Subkind: episode.Subkind);
    }
}
