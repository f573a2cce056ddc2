namespace ModelMonitor.Core.Abuse;

/// <summary>
/// A caller kept out of a model (or of every model): who, why, since when, until when, and who decided.
/// </summary>
/// <remarks>Events without a caller can never be blocked: there is no entry to match them.</remarks>
public sealed record BlocklistEntry
{
    /// <summary>Scope of an entry that blocks the caller for every model.</summary>
    public const string AllModels = "*";

    /// <param name="scope">A model id, or <see cref="AllModels"/>.</param>
    /// <param name="callerId">The caller (non-empty).</param>
    /// <param name="reason">Why, for the people who read the list (e.g. the abuse alert's message).</param>
    /// <param name="since">When the block starts.</param>
    /// <param name="expiry">When it ends (exclusive); null: until removed.</param>
    /// <param name="addedBy">Who added it (a person or "abuse-check").</param>
    public BlocklistEntry(string scope, string callerId, string reason, DateTimeOffset since, DateTimeOffset? expiry, string addedBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentException.ThrowIfNullOrEmpty(callerId);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentException.ThrowIfNullOrEmpty(addedBy);
        if (expiry <= since)
        {
            throw new ArgumentException($"Expiry {expiry:O} is not after the start {since:O}.", nameof(expiry));
        }

        Scope = scope;
        CallerId = callerId;
        Reason = reason;
        Since = since;
        Expiry = expiry;
        AddedBy = addedBy;
    }

    public string Scope { get; }

    public string CallerId { get; }

    public string Reason { get; }

    public DateTimeOffset Since { get; }

    public DateTimeOffset? Expiry { get; }

    public string AddedBy { get; }

    /// <summary>Whether the entry blocks at <paramref name="at"/>: from <see cref="Since"/> until before <see cref="Expiry"/>.</summary>
    public bool IsActive(DateTimeOffset at) => at >= Since && (Expiry is null || at < Expiry);
}
