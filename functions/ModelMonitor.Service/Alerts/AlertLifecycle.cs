using Microsoft.Extensions.Logging;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Lineage;
using ModelMonitor.Service.Notifications;
using ModelMonitor.Service.Telemetry;

namespace ModelMonitor.Service.Alerts;

/// <summary>
/// The alert sink with episodes: each evaluation's alerts open or update their condition's episode, its evaluated-clear
/// conditions count towards resolving theirs (<see cref="EpisodeTransition"/>), writes are conditional (a lost race
/// re-reads and re-applies) and only the writer that won notifies, so concurrent runs never double-notify.
/// Notifications go out after the writes; a failed send is recorded by the notifier and never fails the checks.
/// </summary>
public sealed partial class AlertLifecycle(
    IAlertEpisodeStore store,
    INotifier notifier,
    TimeProvider timeProvider,
    EpisodeOptions options,
    ILogger<AlertLifecycle> logger,
    AlertMetrics? metrics = null) : IIncidentAlertSink
{
    private const int MaxWriteAttempts = 16;

    /// <summary>Alerts without an evaluated scope: opens and updates episodes, resolves nothing.</summary>
    public Task<IReadOnlyList<MonitorAlert>> RaiseAsync(IReadOnlyList<MonitorAlert> alerts, CancellationToken cancellationToken = default) =>
        RecordAsync(AlertEvaluation.AlertsOnly(alerts), cancellationToken);

    public async Task<IReadOnlyList<MonitorAlert>> RecordAsync(AlertEvaluation evaluation, CancellationToken cancellationToken = default) =>
        [.. (await RecordAsync(evaluation, null, new Dictionary<string, string>(StringComparer.Ordinal), cancellationToken)).Select(o => o.Alert)];

    /// <summary>
    /// Records a run's evaluations whose alerts were grouped into <paramref name="incidents"/>: each episode a grouped
    /// alert opens carries its incident id (the root episode's, when that is already open from an earlier run, so an
    /// incident keeps one id), downstream episodes name the root model as their cause and never notify on their own,
    /// and the root's notification names the downstream models it likely explains.
    /// </summary>
    /// <returns>The alerts that opened an episode, over all evaluations, with their episodes.</returns>
    public async Task<IReadOnlyList<OpenedEpisode>> RecordRunAsync(
        IReadOnlyList<AlertEvaluation> evaluations, IncidentGrouping incidents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentNullException.ThrowIfNull(incidents);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var opened = new List<OpenedEpisode>();
        foreach (var evaluation in evaluations)
        {
            opened.AddRange(await RecordAsync(evaluation, incidents, ids, cancellationToken));
        }

        return opened;
    }

    private async Task<IReadOnlyList<OpenedEpisode>> RecordAsync(
        AlertEvaluation evaluation, IncidentGrouping? incidents, Dictionary<string, string> incidentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var now = timeProvider.GetUtcNow();
        var opened = new List<OpenedEpisode>();
        var notices = new List<(AlertEpisode Episode, EpisodeNotice Notice)>();

        // One alert per condition and evaluation: the most severe decides.
        var byCondition = evaluation.Alerts.GroupBy(a => a.ConditionKey, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(a => a.Severity).First()).ToList();
        foreach (var alert in byCondition)
        {
            var member = incidents?.Find(alert.DedupKey);
            var incidentId = member is null ? null : await IncidentIdAsync(member, incidents!, incidentIds, cancellationToken);
            var step = await ApplyAsync(alert.ModelId, alert.ConditionKey, prior => EpisodeTransition.Fire(prior, alert, now, options, member, incidentId), cancellationToken);
            if (step is { Notice: not EpisodeNotice.None, Episode: { } episode })
            {
                notices.Add((episode, step.Notice));
                if (step.Notice == EpisodeNotice.Opened)
                {
                    opened.Add(new OpenedEpisode(alert, episode));
                    metrics?.EpisodesOpened.Add(1, new("kind", episode.Kind), new("severity", Name(episode.Severity)));
                }
            }
        }

        if (evaluation.EvaluatedKinds.Count > 0)
        {
            var fired = byCondition.Select(a => a.ConditionKey).ToHashSet(StringComparer.Ordinal);
            foreach (var open in await store.ListOpenAsync(evaluation.ModelId, evaluation.ModelVersion, cancellationToken))
            {
                if (fired.Contains(open.Episode.ConditionKey) || !evaluation.EvaluatedKinds.Contains(open.Episode.Kind))
                {
                    continue;
                }

                var step = await ApplyAsync(
                    evaluation.ModelId,
                    open.Episode.ConditionKey,
                    prior => prior is { IsOpen: true } ? EpisodeTransition.Clear(prior, evaluation.WindowStart, evaluation.WindowEnd, now, options) : EpisodeStep.Unchanged(prior),
                    cancellationToken,
                    open);
                if (step is { Notice: EpisodeNotice.Resolved, Episode: { } resolved })
                {
                    notices.Add((resolved, step.Notice));
                    metrics?.EpisodesResolved.Add(1, new("kind", resolved.Kind), new("severity", Name(resolved.PeakSeverity)));
                }
            }
        }

        foreach ((var episode, var notice) in notices)
        {
            if (episode.CauseModelId is { } cause)
            {
                // Downstream in a cascade: the incident's root pages for it.
                LogFolded(logger, episode.Id, episode.IncidentId, cause);
                continue;
            }

            await NotifyAsync(episode, notice, CascadeNote(episode, incidents), cancellationToken);
        }

        return opened;
    }

    /// <summary>Acknowledges a condition's open episode.</summary>
    /// <returns>The episode after the acknowledgement; null when the condition has none.</returns>
    public async Task<AlertEpisode?> AcknowledgeAsync(string modelId, string conditionKey, string by, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var step = await ApplyAsync(modelId, conditionKey, prior => prior is null ? EpisodeStep.Unchanged(null) : EpisodeTransition.Acknowledge(prior, by, now), cancellationToken);
        return step.Episode;
    }

    /// <summary>Reads, transitions and writes conditionally until the write wins or nothing changes.</summary>
    private async Task<EpisodeStep> ApplyAsync(
        string modelId, string conditionKey, Func<AlertEpisode?, EpisodeStep> transition, CancellationToken cancellationToken, StoredEpisode? known = null)
    {
        var stored = known ?? await store.GetAsync(modelId, conditionKey, cancellationToken);
        for (int attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            var step = transition(stored?.Episode);
            if (!step.Changed || step.Episode is null)
            {
                return step;
            }

            if (await store.TryWriteAsync(step.Episode, stored?.Version, step.Archived, cancellationToken))
            {
                return step;
            }

            LogWriteConflict(logger, modelId, conditionKey, attempt);
            stored = await store.GetAsync(modelId, conditionKey, cancellationToken);
        }

        throw new InvalidOperationException($"Episode of condition '{conditionKey}' kept changing under {MaxWriteAttempts} attempts to update it.");
    }

    /// <summary>
    /// The root model's incident id: the one its open episode already carries (an incident that started in an earlier
    /// run keeps its id), else the grouping's. Memoized per run.
    /// </summary>
    private async Task<string> IncidentIdAsync(IncidentMember member, IncidentGrouping incidents, Dictionary<string, string> known, CancellationToken cancellationToken)
    {
        if (known.TryGetValue(member.IncidentId, out var id))
        {
            return id;
        }

        id = member.IncidentId;
        if (incidents.Incidents.FirstOrDefault(i => i.Id == member.IncidentId) is { } incident)
        {
            foreach (var root in incident.RootAlerts)
            {
                if (await store.GetAsync(root.ModelId, root.ConditionKey, cancellationToken) is { Episode: { IsOpen: true, IncidentId: { } existing } })
                {
                    id = existing;
                    break;
                }
            }
        }

        known[member.IncidentId] = id;
        return id;
    }

    /// <summary>What a root episode's notification adds about the models downstream that alerted in the same run.</summary>
    private static string? CascadeNote(AlertEpisode episode, IncidentGrouping? incidents)
    {
        if (incidents is null || episode.IncidentId is null)
        {
            return null;
        }

        var incident = incidents.Incidents.FirstOrDefault(i => i.RootModelId == episode.ModelId && i.IsCascade);
        if (incident is null)
        {
            return null;
        }

        var downstream = incident.Members.Where(m => m.DoNotPageSeparately)
            .GroupBy(m => m.Alert.ModelId, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(m => m.Alert.Kind + (m.Alert.Feature is { } f ? $" on '{f}'" : string.Empty)).Distinct(StringComparer.Ordinal))})");
        return $"Incident {episode.IncidentId}: likely cause of alerts downstream in {string.Join("; ", downstream)}, which do not page separately.";
    }

    private async Task NotifyAsync(AlertEpisode episode, EpisodeNotice notice, string? cascadeNote, CancellationToken cancellationToken)
    {
        try
        {
            await notifier.NotifyAsync(EpisodeNotifications.Create(episode, notice, cascadeNote), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The notifier records its own failures; this only guards the checks from a notifier bug.
            LogNotifyFailed(logger, episode.Id, ex);
        }
    }

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Episode write for {ModelId} {ConditionKey} lost a race (attempt {Attempt}); re-reading")]
    private static partial void LogWriteConflict(ILogger logger, string modelId, string conditionKey, int attempt);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Episode {EpisodeId} is downstream of {CauseModelId} in incident {IncidentId}; folded into the root's notification")]
    private static partial void LogFolded(ILogger logger, string episodeId, string? incidentId, string causeModelId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Notifying episode {EpisodeId} failed")]
    private static partial void LogNotifyFailed(ILogger logger, string episodeId, Exception exception);
}
