namespace ModelMonitor.Core.Rollbacks;

/// <summary>
/// Decides whether the standby slot holds the version to roll back to. ARM's <c>MODEL_VERSION</c> of both slots is
/// required and must differ. When the monitoring history knows an earlier production version, the standby must run the
/// most recent one (the previous stable version); without such history (a first rollback, the CLI without storage) the
/// ARM versions suffice and the verdict says so.
/// </summary>
public static class SlotVersionCheck
{
    public const string ProductionSlot = "production";

    public static SlotVersionVerdict Check(string? production, string? standby, IReadOnlyList<SlotSighting> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (string.IsNullOrEmpty(production) || string.IsNullOrEmpty(standby))
        {
            return new SlotVersionVerdict(false, SlotVersionVerdict.ArmOnly,
                $"MODEL_VERSION is not set on {(string.IsNullOrEmpty(production) ? "production" : "the standby slot")}: cannot tell what the swap would do");
        }

        if (string.Equals(production, standby, StringComparison.Ordinal))
        {
            return new SlotVersionVerdict(false, SlotVersionVerdict.ArmOnly, $"the standby slot runs {standby}, the same version as production: a swap would change nothing");
        }

        var previous = history
            .Where(s => string.Equals(s.Slot, ProductionSlot, StringComparison.OrdinalIgnoreCase) && s.Events > 0 && !string.Equals(s.Version, production, StringComparison.Ordinal))
            .OrderByDescending(s => s.LastSeen)
            .Select(s => s.Version)
            .FirstOrDefault();
        if (previous is null)
        {
            return new SlotVersionVerdict(true, SlotVersionVerdict.ArmOnly,
                $"production runs {production}, the standby {standby}; no earlier production version in the monitoring history, so ARM's versions are the evidence");
        }

        return string.Equals(previous, standby, StringComparison.Ordinal)
            ? new SlotVersionVerdict(true, SlotVersionVerdict.ArmAndHistory, $"production runs {production}; the standby runs {standby}, the previous production version per the monitoring history")
            : new SlotVersionVerdict(false, SlotVersionVerdict.ArmAndHistory, $"the standby runs {standby}, but the previous production version per the monitoring history is {previous}");
    }
}
