namespace ModelMonitor.Examples.ScoringApi.Scoring;

/// <summary>The body of <c>POST /score</c>. Nullable so a missing field is a 400 naming it, not a binding failure.</summary>
/// <param name="Amount">The transaction amount; required, finite, at least 0.</param>
/// <param name="Country">The ISO country code; required.</param>
/// <param name="AccountAgeDays">The account's age in days; optional, finite, at least 0.</param>
/// <param name="CallerId">Who asked (tenant, API key id); optional, reported as the event's <c>callerId</c>.</param>
public sealed record ScoreRequest(double? Amount, string? Country, double? AccountAgeDays, string? CallerId);
