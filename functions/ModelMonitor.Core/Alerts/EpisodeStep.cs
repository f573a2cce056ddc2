namespace ModelMonitor.Core.Alerts;

/// <summary>The outcome of one transition: the new episode, whether it differs from the prior one, and what to send.</summary>
/// <param name="Episode">The episode after the transition (the prior one when nothing changed).</param>
/// <param name="Changed">Whether it must be written back.</param>
/// <param name="Notice">What to tell people about it.</param>
/// <param name="Archived">The resolved episode a return of the condition replaced, to keep as history; null otherwise.</param>
public sealed record EpisodeStep(AlertEpisode? Episode, bool Changed, EpisodeNotice Notice, AlertEpisode? Archived = null)
{
    /// <summary>Nothing happened.</summary>
    public static EpisodeStep Unchanged(AlertEpisode? episode) => new(episode, false, EpisodeNotice.None);
}
