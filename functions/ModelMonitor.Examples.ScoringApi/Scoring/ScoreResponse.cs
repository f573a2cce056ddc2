namespace ModelMonitor.Examples.ScoringApi.Scoring;

/// <summary>The body of a <c>POST /score</c> answer. Keep <see cref="PredictionId"/> and <see cref="PredictedAt"/> for the outcome.</summary>
/// <param name="PredictionId">The prediction event's <c>eventId</c>.</param>
/// <param name="ModelId">The model that scored.</param>
/// <param name="ModelVersion">Its version.</param>
/// <param name="PredictedAt">The prediction event's <c>timestamp</c>.</param>
/// <param name="Score">The fraud probability.</param>
/// <param name="Label"><c>fraud</c> or <c>legit</c>.</param>
/// <param name="Monitored">False when the producer's buffer was full and the event was dropped (the answer is the same).</param>
public sealed record ScoreResponse(
    string PredictionId, string ModelId, string ModelVersion, DateTimeOffset PredictedAt, double Score, string Label, bool Monitored);
