namespace ModelMonitor.Core.Abuse;

/// <summary>What the abuse checks made of one caller in one hour, fired or not.</summary>
/// <param name="CallerId">The caller.</param>
/// <param name="Requests">Its requests in the hour (a lower bound when the caller counter is no longer exact).</param>
/// <param name="Fired">Subkinds (<see cref="AbuseSubkind"/>) that fired; empty when clear.</param>
/// <param name="Evidence">Numbers behind the judgement; finite or null.</param>
public sealed record CallerJudgement(string CallerId, long Requests, IReadOnlyList<string> Fired, IReadOnlyDictionary<string, double?> Evidence);
