using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Lineage;

namespace ModelMonitor.Core.Alerts;

/// <summary>
/// The episode state machine, pure: given the prior episode of a condition and one evaluation of it, the next episode
/// and what to notify. Callers store the result conditionally and notify only when their write won, so concurrent
/// check runs re-read and re-apply instead of opening two episodes.
/// </summary>
/// <remarks>
/// Windows of different lengths (a base window and its hour) are the same condition. A clear evaluation counts towards
/// resolution only when its window ends after the latest firing window, is at least as long as it (a quiet five-minute
/// window says little about a condition its hour showed) and is newer than the last window counted clear.
/// </remarks>
public static class EpisodeTransition
{
    /// <summary>The condition was found true in <paramref name="alert"/>'s window.</summary>
    /// <param name="prior">The condition's current or last episode; null when it never fired.</param>
    /// <param name="alert">The alert.</param>
    /// <param name="now">Evaluation time.</param>
    /// <param name="options">Resolution and cooldown.</param>
    /// <param name="incident">The alert's place in its run's incidents, when the run grouped them: an episode it opens
    /// carries <paramref name="incidentId"/> (else the member's own incident id) and, for a downstream member, the root
    /// model as its cause. An open episode keeps what it was opened with.</param>
    /// <param name="incidentId">The incident id to record, when the root's episode already carries one from an earlier run.</param>
    public static EpisodeStep Fire(
        AlertEpisode? prior, MonitorAlert alert, DateTimeOffset now, EpisodeOptions options, IncidentMember? incident = null, string? incidentId = null)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(options);
        if (prior is not null && prior.ConditionKey != alert.ConditionKey)
        {
            throw new ArgumentException($"Alert of condition '{alert.ConditionKey}' applied to episode '{prior.ConditionKey}'.", nameof(alert));
        }

        if (prior is null || !prior.IsOpen)
        {
            var opened = Open(alert, now, (prior?.Number ?? 0) + 1) with
            {
                IncidentId = incident is null ? null : incidentId ?? incident.IncidentId,
                CauseModelId = incident is { DoNotPageSeparately: true } ? incident.RootModelId : null,
            };
            return new EpisodeStep(opened, true, EpisodeNotice.Opened, prior);
        }

        bool sameWindow = alert.WindowStart == prior.LatestWindowStart && alert.WindowEnd == prior.LatestWindowEnd;
        bool newer = alert.WindowEnd > prior.LatestWindowEnd || (alert.WindowEnd == prior.LatestWindowEnd && !sameWindow);
        var next = prior with
        {
            PeakSeverity = Max(prior.PeakSeverity, alert.Severity),
            LastSeen = now > prior.LastSeen ? now : prior.LastSeen,
        };
        if (newer || sameWindow)
        {
            next = next with
            {
                Severity = alert.Severity,
                Evidence = alert.Evidence,
                Message = alert.Message,
                LatestWindowStart = alert.WindowStart,
                LatestWindowEnd = alert.WindowEnd,
                Occurrences = prior.Occurrences + (newer ? 1 : 0),
                ClearStreak = 0,
            };
        }

        var notice = EpisodeNotice.None;
        if (prior.LastNotifiedSeverity is not { } notified || alert.Severity > notified)
        {
            notice = EpisodeNotice.SeverityRaised;
        }
        else if (newer && prior.State == EpisodeState.Firing && (prior.LastNotifiedAt is not { } at || now - at >= options.Cooldown))
        {
            notice = EpisodeNotice.Reminder;
        }

        if (notice != EpisodeNotice.None)
        {
            next = next with { LastNotifiedAt = now, LastNotifiedSeverity = Max(prior.LastNotifiedSeverity ?? alert.Severity, alert.Severity) };
        }

        return new EpisodeStep(next, next != prior, notice);
    }

    /// <summary>The condition was evaluated over [<paramref name="windowStart"/>, <paramref name="windowEnd"/>) and found clear.</summary>
    public static EpisodeStep Clear(AlertEpisode prior, DateTimeOffset windowStart, DateTimeOffset windowEnd, DateTimeOffset now, EpisodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentNullException.ThrowIfNull(options);
        if (windowEnd < windowStart)
        {
            throw new ArgumentException($"Window end {windowEnd:O} is before its start {windowStart:O}.", nameof(windowEnd));
        }

        bool counts = prior.IsOpen
            && windowEnd > prior.LatestWindowEnd
            && windowEnd - windowStart >= prior.LatestWindowEnd - prior.LatestWindowStart
            && (prior.LastClearWindowEnd is not { } lastClear || windowEnd > lastClear);
        if (!counts)
        {
            return EpisodeStep.Unchanged(prior);
        }

        var next = prior with { ClearStreak = prior.ClearStreak + 1, LastClearWindowEnd = windowEnd };
        if (next.ClearStreak < options.ClearEvaluationsToResolve)
        {
            return new EpisodeStep(next, true, EpisodeNotice.None);
        }

        return new EpisodeStep(next with { State = EpisodeState.Resolved, ResolvedAt = now, LastNotifiedAt = now }, true, EpisodeNotice.Resolved);
    }

    /// <summary>A person acknowledged the episode; acknowledging a resolved or already acknowledged episode changes nothing.</summary>
    public static EpisodeStep Acknowledge(AlertEpisode prior, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return prior.State != EpisodeState.Firing
            ? EpisodeStep.Unchanged(prior)
            : new EpisodeStep(prior with { State = EpisodeState.Acknowledged, AcknowledgedBy = by, AcknowledgedAt = now }, true, EpisodeNotice.None);
    }

    private static AlertEpisode Open(MonitorAlert alert, DateTimeOffset now, int number) => new()
    {
        ConditionKey = alert.ConditionKey,
        Number = number,
        Kind = alert.Kind,
        Subkind = alert.Subkind,
        ModelId = alert.ModelId,
        ModelVersion = alert.ModelVersion,
        Feature = alert.Feature,
        State = EpisodeState.Firing,
        Severity = alert.Severity,
        PeakSeverity = alert.Severity,
        Occurrences = 1,
        FirstSeen = now,
        LastSeen = now,
        LatestWindowStart = alert.WindowStart,
        LatestWindowEnd = alert.WindowEnd,
        Evidence = alert.Evidence,
        Message = alert.Message,
        LastNotifiedAt = now,
        LastNotifiedSeverity = alert.Severity,
    };

    private static Severity Max(Severity a, Severity b) => a > b ? a : b;
}
