namespace ModelMonitor.Core.Abuse;

/// <summary>
/// The callers kept out of models. Inference services either ask <see cref="IsBlockedAsync"/> per request (point
/// reads) or, at volume, cache <see cref="ListAsync"/> of their model and of <see cref="BlocklistEntry.AllModels"/>
/// for a minute or so and check <see cref="BlocklistEntry.IsActive"/> locally.
/// </summary>
public interface IBlocklistStore
{
    /// <summary>Adds or replaces the entry of (scope, caller).</summary>
    Task AddAsync(BlocklistEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes the entry of (scope, caller); false when there was none.</summary>
    Task<bool> RemoveAsync(string scope, string callerId, CancellationToken cancellationToken = default);

    /// <summary>Every entry of a scope (a model id or <see cref="BlocklistEntry.AllModels"/>), expired ones included.</summary>
    IAsyncEnumerable<BlocklistEntry> ListAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// The entry that blocks <paramref name="callerId"/> for <paramref name="modelId"/> now (the model's own entry first,
    /// then the all-models one), or null; null too for a caller that is null or empty (events without a caller are never blocked).
    /// </summary>
    Task<BlocklistEntry?> IsBlockedAsync(string modelId, string? callerId, CancellationToken cancellationToken = default);
}
