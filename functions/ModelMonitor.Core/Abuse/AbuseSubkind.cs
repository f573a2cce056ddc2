namespace ModelMonitor.Core.Abuse;

/// <summary>Subkinds of <see cref="Checks.AlertKind.Abuse"/>: which rule named the caller.</summary>
public static class AbuseSubkind
{
    /// <summary>Far above its own history (or, for a new caller, none) and far above the population of callers.</summary>
    public const string Rate = "rate";

    /// <summary>Over the policy's hard quota of requests per hour.</summary>
    public const string Quota = "quota";

    /// <summary>More than the policy's share of all requests of the hour.</summary>
    public const string Share = "share";

    /// <summary>
    /// Far more of its inputs repeat (exactly, or near-identically: numbers bucketed) than the population's: replayed or
    /// slightly perturbed inputs, as in scraping or model extraction.
    /// </summary>
    public const string RepeatedInputs = "repeated-inputs";

    /// <summary>The caller's reputation, lowered by abuse rules that fired and not yet recovered, is below the flag threshold.</summary>
    public const string Reputation = "reputation";
}
