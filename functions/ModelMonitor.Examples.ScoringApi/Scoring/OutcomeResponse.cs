namespace ModelMonitor.Examples.ScoringApi.Scoring;

/// <summary>The body of a <c>POST /outcome</c> answer (202 Accepted).</summary>
/// <param name="PredictionId">The prediction the outcome belongs to.</param>
/// <param name="Monitored">False when the producer's buffer was full and the event was dropped.</param>
public sealed record OutcomeResponse(string PredictionId, bool Monitored);
