using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using ModelMonitor.Functions.Api;

namespace ModelMonitor.Functions.Tests.Api;

/// <summary><c>GET /api/models/{id}/summary</c> over windows the ingest pipeline stored on Azurite.</summary>
public sealed class SummaryFunctionsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly string Reader = ApiRequests.Principal("ana@contoso.com", "reader");
    private readonly StoredWindows _store = new();

    private SummaryFunctions Functions => new(_store.Summaries);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private Task<IActionResult> GetAsync(string query, string id = "fraud", string? principal = null) =>
        Functions.GetAsync(ApiRequests.Create("GET", principal: principal ?? Reader, query: query), id);

    [Fact]
    public async Task GetAsync_StoredRange_AnswersTheCliSummaryJsonOfTheMergedWindows()
    {
        await _store.IngestAsync("fraud", "1", T0, 30);
        await _store.IngestAsync("fraud", "2", T0, 10);

        var result = Assert.IsType<ContentResult>(await GetAsync("?from=2026-03-02T10:00:00Z&to=2026-03-02T11:00:00Z"));

        Assert.Equal(("application/json", 200), (result.ContentType, result.StatusCode));
        using var json = JsonDocument.Parse(result.Content!);
        var root = json.RootElement;
        Assert.Equal(("fraud", "*", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", 40),
            (root.GetProperty("modelId").GetString(), root.GetProperty("modelVersion").GetString(), root.GetProperty("from").GetString(), root.GetProperty("to").GetString(), root.GetProperty("count").GetInt32()));
        Assert.Equal("numeric", root.GetProperty("features").GetProperty("amount").GetProperty("kind").GetString());
        Assert.Equal(40, root.GetProperty("features").GetProperty("amount").GetProperty("count").GetInt32());
        Assert.Equal("categorical", root.GetProperty("features").GetProperty("country").GetProperty("kind").GetString());
        Assert.True(root.TryGetProperty("latencyMs", out _));
        Assert.True(root.TryGetProperty("status", out _));
    }

    [Fact]
    public async Task GetAsync_ModelVersion_ReadsOnlyThatVersion()
    {
        await _store.IngestAsync("fraud", "1", T0, 30);
        await _store.IngestAsync("fraud", "2", T0, 10);

        var result = Assert.IsType<ContentResult>(await GetAsync("?from=2026-03-02&to=2026-03-03&modelVersion=2"));

        using var json = JsonDocument.Parse(result.Content!);
        Assert.Equal(("2", 10), (json.RootElement.GetProperty("modelVersion").GetString(), json.RootElement.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task GetAsync_RangeWithoutData_Answers404Problem()
    {
        await _store.IngestAsync("fraud", "1", T0, 5);

        var problem = ApiRequests.Problem(await GetAsync("?from=2026-04-01T00:00:00Z&to=2026-04-02T00:00:00Z"));

        Assert.Equal(404, problem.Status);
        Assert.Contains("fraud", problem.Detail);
    }

    [Fact]
    public async Task GetAsync_NothingEverIngested_Answers404ProblemNot500()
    {
        var problem = ApiRequests.Problem(await GetAsync("?from=2026-03-02&to=2026-03-03"));

        Assert.Equal(404, problem.Status);
    }

    [Theory]
    [InlineData("", "'from' is required")]
    [InlineData("?from=2026-03-02", "'to' is required")]
    [InlineData("?from=yesterday&to=2026-03-03", "not an ISO 8601 time")]
    [InlineData("?from=03/02/2026&to=2026-03-03", "not an ISO 8601 time")]
    [InlineData("?from=2026-03-03&to=2026-03-02", "must be before")]
    [InlineData("?from=2026-03-02&to=2026-03-02", "must be before")]
    [InlineData("?from=2026-01-01&to=2026-02-02", "longer than 31 days")]
    [InlineData("?from=0001-01-01&to=0001-01-02", "must be between")]
    [InlineData("?from=2026-03-02&to=2026-03-03&modelVersion=a/b", "'modelVersion'")]
    [InlineData("?from=2026-03-02&from=2026-03-01&to=2026-03-03", "'from'")]
    public async Task GetAsync_BadQuery_Answers400ProblemSayingWhy(string query, string why)
    {
        var problem = ApiRequests.Problem(await GetAsync(query));

        Assert.Equal(400, problem.Status);
        Assert.Contains(why, problem.Detail);
    }

    [Fact]
    public async Task GetAsync_InvalidModelId_Answers400Problem()
    {
        var problem = ApiRequests.Problem(await GetAsync("?from=2026-03-02&to=2026-03-03", id: "../x"));

        Assert.Equal(400, problem.Status);
    }

    [Fact]
    public async Task GetAsync_OperatorWithoutReader_Answers403()
    {
        var problem = ApiRequests.Problem(await GetAsync("?from=2026-03-02&to=2026-03-03", principal: ApiRequests.Principal("ana@contoso.com", "operator")));

        Assert.Equal(403, problem.Status);
    }
}
