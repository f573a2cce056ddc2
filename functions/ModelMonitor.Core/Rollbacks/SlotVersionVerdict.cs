namespace ModelMonitor.Core.Rollbacks;

/// <summary>Whether the standby may be swapped in, on which evidence (<c>arm</c> or <c>arm+history</c>) and why.</summary>
public sealed record SlotVersionVerdict(bool Ok, string Evidence, string Detail)
{
    public const string ArmOnly = "arm";
    public const string ArmAndHistory = "arm+history";
}
