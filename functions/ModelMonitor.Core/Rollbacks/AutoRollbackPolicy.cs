using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Rollbacks;

/// <summary>
/// A target's <c>autoRollback</c> policy: which check alerts start its rollback without a person asking. An alert
/// episode of one of <see cref="Kinds"/> that opens at (or rises to) <see cref="MinSeverity"/> or above starts one
/// rollback for that episode.
/// </summary>
/// <param name="Kinds">Alert kinds (<see cref="AlertKind"/>), optionally narrowed to a subkind as <c>kind/subkind</c> (e.g. <c>model-quality/recall</c>).</param>
/// <param name="MinSeverity">The lowest severity that acts. <value>Default critical.</value></param>
/// <param name="DryRun">Start dry runs only (everything but the swap). <value>Default true: an automatic swap must be asked for with <c>"dryRun":false</c>.</value></param>
public sealed record AutoRollbackPolicy(IReadOnlyList<string> Kinds, Severity MinSeverity = Severity.Critical, bool DryRun = true)
{
    /// <summary>Whether an episode of this kind (and subkind) at this severity starts a rollback.</summary>
    public bool Matches(string kind, string? subkind, Severity severity)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (severity < MinSeverity)
        {
            return false;
        }

        foreach (var wanted in Kinds)
        {
            var slash = wanted.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 ? string.Equals(wanted, kind, StringComparison.Ordinal)
                : string.Equals(wanted[..slash], kind, StringComparison.Ordinal) && string.Equals(wanted[(slash + 1)..], subkind, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
