namespace ModelMonitor.Core.Abuse;

/// <summary>
/// The latest <see cref="CallerReputation"/> per model and caller. A caller without one is neutral (1); events without
/// a caller have no reputation and are never penalized.
/// </summary>
public interface IReputationStore
{
    /// <summary>The stored reputation, or null.</summary>
    Task<CallerReputation?> GetAsync(string modelId, string callerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the caller's reputation by <paramref name="update"/> of the stored one (null when none), atomically: on a
    /// concurrent write the update runs again on the newer value. An update that returns null or the value it was given
    /// writes nothing. Returns what is stored afterwards.
    /// </summary>
    Task<CallerReputation?> UpdateAsync(string modelId, string callerId, Func<CallerReputation?, CallerReputation?> update, CancellationToken cancellationToken = default);

    /// <summary>Every stored reputation of a model (as stored: apply <see cref="CallerReputation.ScoreAt"/> for now).</summary>
    IAsyncEnumerable<CallerReputation> ListAsync(string modelId, CancellationToken cancellationToken = default);
}
