using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ModelMonitor.Core.Events;
using ModelMonitor.Examples.ScoringApi.Scoring;
using ModelMonitor.Examples.ScoringApi.Tests.Infrastructure;

namespace ModelMonitor.Examples.ScoringApi.Tests.Scoring;

public sealed class ScoringEndpointsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scoring-api-").FullName;

    private string EventsFile => Path.Combine(_folder, "events.jsonl");

    private Dictionary<string, string?> Settings => new() { ["ModelMonitor:EventsFile"] = EventsFile };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ScoreThenOutcome_WriteContractV1EventsTheServiceParses_AndTheOutcomeLinksToThePrediction()
    {
        ScoreResponse scored;
        await using (var host = await ScoringApiHost.StartAsync(Settings))
        {
            scored = await host.Client.ScoreAsync(amount: 900, country: "ZZ");
            using var outcome = await host.Client.PostAsJsonAsync(
                "/outcome", new { scored.PredictionId, scored.PredictedAt, label = "legit", scored.ModelVersion });
            Assert.Equal(HttpStatusCode.Accepted, outcome.StatusCode);
            Assert.StartsWith("file:", (await host.Client.StatsAsync()).Destination, StringComparison.Ordinal);
            await host.StopAsync();
        }

        var events = File.ReadAllLines(EventsFile).Select(ParseAsTheServiceDoes).ToList();

        Assert.Equal([EventKind.Prediction, EventKind.Outcome], events.Select(e => e.Kind));
        var (prediction, outcomeEvent) = (events[0], events[1]);
        Assert.Equal(scored.PredictionId, prediction.EventId);
        Assert.Equal(scored.PredictionId, outcomeEvent.EventId);
        Assert.Equal((ToyFraudModel.ModelId, ToyFraudModel.ModelVersion), (outcomeEvent.ModelId, outcomeEvent.ModelVersion));
        Assert.Equal(prediction.Timestamp, outcomeEvent.Timestamp);
        Assert.Equal(scored.PredictedAt, prediction.Timestamp);
        Assert.Equal(scored.Score, prediction.Prediction.Number);
        Assert.Equal(scored.Label, prediction.PredictedLabel);
        Assert.Equal("tenant-42", prediction.CallerId);
        Assert.Equal(["accountAgeDays", "amount", "country"], prediction.Features.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal("legit", outcomeEvent.Label.Text);
        Assert.NotNull(outcomeEvent.ObservedAt);
    }

    [Theory]
    [InlineData("""{"country":"DE"}""", "amount")]
    [InlineData("""{"amount":-1,"country":"DE"}""", "amount")]
    [InlineData("""{"amount":10}""", "country")]
    [InlineData("""{"amount":10,"country":"DE","accountAgeDays":-3}""", "accountAgeDays")]
    public async Task Score_WithAnInvalidField_Returns400ProblemNamingIt(string body, string field)
    {
        await using var host = await ScoringApiHost.StartAsync(Settings);

        var problem = await PostProblemAsync(host.Client, "/score", body);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, (await host.Client.StatsAsync()).Accepted);
    }

    [Theory]
    [InlineData("/score", """{"amount":""")]
    [InlineData("/score", """{"amount":"ten","country":"DE"}""")]
    [InlineData("/outcome", "not json")]
    public async Task Post_WithMalformedJson_Returns400Problem(string path, string body)
    {
        await using var host = await ScoringApiHost.StartAsync(Settings);

        var problem = await PostProblemAsync(host.Client, path, body);

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("""{"predictedAt":"2026-12-02T10:00:00Z","label":"fraud"}""", "predictionId")]
    [InlineData("""{"predictionId":"p1","label":"fraud"}""", "predictedAt")]
    [InlineData("""{"predictionId":"p1","predictedAt":"2026-12-02T10:00:00Z"}""", "label")]
    [InlineData("""{"predictionId":"p1","predictedAt":"2026-12-02T10:00:00Z","label":"fraud","modelVersion":"..."}""", "modelVersion")]
    public async Task Outcome_WithAnInvalidField_Returns400ProblemNamingIt(string body, string field)
    {
        await using var host = await ScoringApiHost.StartAsync(Settings);

        var problem = await PostProblemAsync(host.Client, "/outcome", body);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Outcome_WithAPredictionIdLongerThanTheContractAllows_Returns400NamingPredictionId()
    {
        await using var host = await ScoringApiHost.StartAsync(Settings);
        var body = JsonSerializer.Serialize(new { predictionId = new string('p', 129), predictedAt = "2026-12-02T10:00:00Z", label = "fraud" });

        var problem = await PostProblemAsync(host.Client, "/outcome", body);

        Assert.True(problem.GetProperty("errors").TryGetProperty("predictionId", out _), problem.ToString());
    }

    private static async Task<JsonElement> PostProblemAsync(HttpClient client, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static MonitoringEvent ParseAsTheServiceDoes(string line)
    {
        var results = new List<ParseResult>();
        new EventParser().Parse(Encoding.UTF8.GetBytes(line), DateTimeOffset.UnixEpoch.AddYears(60), results);
        var result = Assert.Single(results);
        Assert.True(result.IsValid, result.Error);
        return result.Event!;
    }
}
