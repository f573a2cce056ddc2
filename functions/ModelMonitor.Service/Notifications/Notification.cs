using ModelMonitor.Core.Checks;

namespace ModelMonitor.Service.Notifications;

/// <summary>One message to people: an alert episode opened, rose in severity or resolved, or a rollback step.</summary>
/// <param name="Category">What happened: <c>episode-opened</c>, <c>severity-raised</c>, <c>episode-reminder</c>, <c>episode-resolved</c>, <c>rollback</c>.</param>
/// <param name="Title">One line.</param>
/// <param name="Text">A few sentences of detail (plain text; sinks format it).</param>
/// <param name="Severity">Routing compares it with each subscriber's minimum (for a resolution: the episode's peak).</param>
/// <param name="ModelId">The model, when there is one; routing matches subscriptions on it.</param>
/// <param name="Kind">The alert kind, when there is one; routing matches subscriptions on it.</param>
/// <param name="Links">Named links (status URL, approve/reject, investigation).</param>
/// <param name="EpisodeId">The alert episode, when the notification is about one.</param>
/// <param name="Evidence">The numbers behind it, when there are any.</param>
/// <param name="Subkind">The alert subkind (e.g. the metric of a model-quality alert), when there is one; auto-rollback policies match on it.</param>
public sealed record Notification(
    string Category,
    string Title,
    string Text,
    Severity Severity,
    string? ModelId = null,
    string? Kind = null,
    IReadOnlyDictionary<string, string>? Links = null,
    string? EpisodeId = null,
    IReadOnlyDictionary<string, double?>? Evidence = null,
    string? Subkind = null);
