namespace ModelMonitor.Core.Alerts;

/// <summary>
/// Alert episodes, one current episode per condition, written optimistically: a write presents the version it read,
/// and a lost race returns false so the caller re-reads and re-applies its transition.
/// </summary>
public interface IAlertEpisodeStore
{
    /// <returns>The condition's current or last episode; null when it never fired.</returns>
    Task<StoredEpisode?> GetAsync(string modelId, string conditionKey, CancellationToken cancellationToken = default);

    /// <returns>The open (firing or acknowledged) episodes of one model version.</returns>
    Task<IReadOnlyList<StoredEpisode>> ListOpenAsync(string modelId, string modelVersion, CancellationToken cancellationToken = default);

    /// <returns>Every episode of a model, current and archived, newest last seen first.</returns>
    Task<IReadOnlyList<AlertEpisode>> ListAsync(string modelId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="episode"/> if the stored one still has <paramref name="ifVersion"/> (null: only if none is
    /// stored); <paramref name="archived"/>, when given, is kept as history in the same atomic write.
    /// </summary>
    /// <returns>False when another writer got there first.</returns>
    Task<bool> TryWriteAsync(AlertEpisode episode, string? ifVersion, AlertEpisode? archived = null, CancellationToken cancellationToken = default);
}
