namespace ModelMonitor.Examples.ScoringApi.Scoring;

/// <summary>
/// The body of <c>POST /outcome</c>: the truth about an earlier prediction. The service joins outcome and prediction
/// on id, model, version and timestamp, and this API keeps no state, so the caller sends back what <c>/score</c>
/// returned (a real service would read them from its own order or case record).
/// </summary>
/// <param name="PredictionId">The <c>predictionId</c> from <c>/score</c>; required.</param>
/// <param name="PredictedAt">The <c>predictedAt</c> from <c>/score</c>; required.</param>
/// <param name="Label">What turned out to be true, e.g. <c>fraud</c> or <c>legit</c>; required.</param>
/// <param name="ModelVersion">The <c>modelVersion</c> from <c>/score</c>; the version served now when omitted.</param>
public sealed record OutcomeRequest(string? PredictionId, DateTimeOffset? PredictedAt, string? Label, string? ModelVersion);
