using System.Globalization;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Service.Alerts;

/// <summary>
/// The ops view of alert episodes (<see cref="TableAlertEpisodeStore"/>). Ids are <c>{modelId}~{conditionHash}~{number}</c>,
/// so acknowledging a listed episode never touches a later episode of the same condition. Acknowledging goes through
/// <see cref="AlertLifecycle.AcknowledgeAsync"/>: a conditional write that stops the episode's reminders.
/// </summary>
public sealed class EpisodeAlertBook(TableAlertEpisodeStore store, AlertLifecycle lifecycle) : IAlertBook
{
    private const char Separator = '~';

    public async Task<AlertPage> ListAsync(string? modelId, string? state, int maxPageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var states = state switch
        {
            null => null,
            AlertStates.Open => new[] { EpisodeState.Firing, EpisodeState.Acknowledged },
            AlertStates.Firing => [EpisodeState.Firing],
            AlertStates.Acknowledged => [EpisodeState.Acknowledged],
            AlertStates.Resolved => [EpisodeState.Resolved],
            _ => throw new ArgumentException($"Unknown state '{state}'.", nameof(state)),
        };
        var page = await store.ListPageAsync(modelId, states, maxPageSize, continuationToken, cancellationToken);
        return new AlertPage([.. page.Items.Select(ToRecord)], page.ContinuationToken);
    }

    public async Task<AlertRecord?> AcknowledgeAsync(string id, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var parts = id.Split(Separator);
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var current = await store.GetCurrentByHashAsync(parts[0], parts[1], cancellationToken);
        if (current is null || current.Number != number)
        {
            return null;
        }

        var acknowledged = await lifecycle.AcknowledgeAsync(current.ModelId, current.ConditionKey, by, cancellationToken);
        return acknowledged is null ? null : ToRecord(acknowledged);
    }

    /// <summary>The API id of an episode.</summary>
    public static string IdOf(AlertEpisode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return string.Create(CultureInfo.InvariantCulture, $"{episode.ModelId}{Separator}{TableAlertEpisodeStore.ConditionHash(episode.ConditionKey)}{Separator}{episode.Number}");
    }

    private static AlertRecord ToRecord(AlertEpisode e) => new(
        IdOf(e), e.ModelId, e.Kind, Name(e.Severity), e.State.ToString().ToLowerInvariant(), e.Message, e.LatestWindowStart, e.AcknowledgedBy)
    {
        Subkind = e.Subkind,
        ModelVersion = e.ModelVersion,
        Feature = e.Feature,
        Number = e.Number,
        PeakSeverity = Name(e.PeakSeverity),
        Occurrences = e.Occurrences,
        FirstSeen = e.FirstSeen,
        LastSeen = e.LastSeen,
        WindowEnd = e.LatestWindowEnd,
        AcknowledgedAt = e.AcknowledgedAt,
        ResolvedAt = e.ResolvedAt,
    };

    private static string Name(Core.Checks.Severity severity) => severity.ToString().ToLowerInvariant();
}
