using ModelMonitor.Client;
using ModelMonitor.Examples.ScoringApi.Monitoring;

namespace ModelMonitor.Examples.ScoringApi.Scoring;

/// <summary>The example's endpoints. None of them waits for monitoring: <c>TryPublish</c> only buffers.</summary>
public static class ScoringEndpoints
{
    /// <summary>Maps <c>POST /score</c>, <c>POST /outcome</c> and <c>GET /producer/stats</c>.</summary>
    public static IEndpointRouteBuilder MapScoringEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/score", Score);
        endpoints.MapPost("/outcome", Outcome);
        endpoints.MapGet("/producer/stats", (ScoringMonitor monitor) => TypedResults.Ok(monitor.Stats()));
        return endpoints;
    }

    internal static IResult Score(ScoreRequest request, ScoringMonitor monitor, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Amount is not { } amount || !double.IsFinite(amount) || amount < 0)
        {
            errors["amount"] = ["amount is required: a finite number >= 0."];
        }

        if (string.IsNullOrWhiteSpace(request.Country))
        {
            errors["country"] = ["country is required."];
        }

        if (request.AccountAgeDays is { } age && (!double.IsFinite(age) || age < 0))
        {
            errors["accountAgeDays"] = ["accountAgeDays must be a finite number >= 0."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var started = time.GetTimestamp();
        var score = ToyFraudModel.Score(request.Amount!.Value, request.Country!, request.AccountAgeDays);
        var label = ToyFraudModel.Label(score);
        var latency = time.GetElapsedTime(started);
        var predictedAt = time.GetUtcNow();

        var prediction = new PredictionEvent(
            Guid.CreateVersion7(predictedAt).ToString(), ToyFraudModel.ModelId, ToyFraudModel.ModelVersion, predictedAt)
        {
            CallerId = request.CallerId,
            Features = new Dictionary<string, FeatureValue>
            {
                ["amount"] = request.Amount.Value,
                ["country"] = request.Country!,
                ["accountAgeDays"] = request.AccountAgeDays is { } days ? days : FeatureValue.Null,
            },
            Prediction = score,
            PredictedLabel = label,
            LatencyMs = latency.TotalMilliseconds,
        };

        // Buffers and returns: the send happens on the producer's pump, after this response has gone.
        var monitored = monitor.Producer.TryPublish(prediction);
        return TypedResults.Ok(new ScoreResponse(
            prediction.EventId, prediction.ModelId, prediction.ModelVersion, prediction.Timestamp, score, label, monitored));
    }

    internal static IResult Outcome(OutcomeRequest request, ScoringMonitor monitor, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.PredictionId))
        {
            errors["predictionId"] = ["predictionId is required."];
        }

        if (request.PredictedAt is null)
        {
            errors["predictedAt"] = ["predictedAt is required."];
        }

        if (string.IsNullOrEmpty(request.Label))
        {
            errors["label"] = ["label is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        OutcomeEvent outcome;
        try
        {
            outcome = new OutcomeEvent(
                request.PredictionId!, ToyFraudModel.ModelId, request.ModelVersion ?? ToyFraudModel.ModelVersion, request.PredictedAt!.Value)
            {
                Label = request.Label!,
                ObservedAt = time.GetUtcNow(),
            };
        }
        catch (ArgumentException error)
        {
            // The event's own checks are the contract's: report them under the request's field names.
            var field = error.ParamName switch
            {
                "eventId" => "predictionId",
                "timestamp" => "predictedAt",
                { } name => name,
                null => "body",
            };
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [error.Message] });
        }

        var monitored = monitor.Producer.TryPublish(outcome);
        return TypedResults.Accepted((string?)null, new OutcomeResponse(outcome.EventId, monitored));
    }
}
