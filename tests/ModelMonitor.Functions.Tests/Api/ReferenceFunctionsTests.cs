using Microsoft.AspNetCore.Mvc;
using ModelMonitor.Functions.Api;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Functions.Tests.Api;

/// <summary><c>PUT /api/models/{id}/reference</c> pinning ranges the ingest pipeline stored on Azurite.</summary>
public sealed class ReferenceFunctionsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly string Operator = ApiRequests.Principal("ana@contoso.com", "operator");
    private readonly StoredWindows _store = new();

    private ReferenceFunctions Functions => new(_store.Summaries);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private Task<IActionResult> PutAsync(string body, string id = "fraud", string? principal = null) =>
        Functions.PutAsync(ApiRequests.Create("PUT", body, principal: principal ?? Operator), id);

    private static T Property<T>(object value, string name) => (T)value.GetType().GetProperty(name)!.GetValue(value)!;

    [Fact]
    public async Task PutAsync_StoredRange_PinsItAsTheDefaultReferenceAndAnswersWhatWasPinned()
    {
        await _store.IngestAsync("fraud", "1", T0, 30);
        await _store.IngestAsync("fraud", "2", T0, 10);

        var result = Assert.IsType<OkObjectResult>(await PutAsync("""{"from":"2026-03-02T10:00:00Z","to":"2026-03-02T11:00:00Z"}"""));

        var value = result.Value!;
        Assert.Equal(("references/fraud/default", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", 40L, 2),
            (Property<string>(value, "reference"), Property<string>(value, "from"), Property<string>(value, "to"), Property<long>(value, "events"), Property<int>(value, "features")));
        var stored = await new ReferenceStore(_store.References).ReadAsync("fraud", "3");
        Assert.Equal(40, stored!.EventCount);
    }

    [Fact]
    public async Task PutAsync_ModelVersion_PinsThatVersionsWindowsAsItsOwnReference()
    {
        await _store.IngestAsync("fraud", "1", T0, 30);
        await _store.IngestAsync("fraud", "2", T0, 10);

        var result = Assert.IsType<OkObjectResult>(await PutAsync("""{"from":"2026-03-02","to":"2026-03-03","modelVersion":"2"}"""));

        Assert.Equal(("references/fraud/2", 10L), (Property<string>(result.Value!, "reference"), Property<long>(result.Value!, "events")));
        Assert.Equal(10, (await new ReferenceStore(_store.References).ReadAsync("fraud", "2"))!.EventCount);
        Assert.False(await _store.References.GetBlobClient("fraud/default").ExistsAsync());
    }

    [Fact]
    public async Task PutAsync_RangeWithoutData_Answers404AndLeavesTheReferenceAlone()
    {
        await _store.IngestAsync("fraud", "1", T0, 5);

        var problem = ApiRequests.Problem(await PutAsync("""{"from":"2026-04-01","to":"2026-04-02"}"""));

        Assert.Equal(404, problem.Status);
        Assert.False(await _store.References.ExistsAsync());
    }

    [Theory]
    [InlineData("""{}""", "'from' is required")]
    [InlineData("""{"from":"2026-03-02"}""", "'to' is required")]
    [InlineData("""{"from":1,"to":"2026-03-03"}""", "'from' must be a string")]
    [InlineData("""{"from":"2026-03-03","to":"2026-03-02"}""", "must be before")]
    [InlineData("""{"from":"2026-01-01","to":"2026-03-01"}""", "longer than 31 days")]
    [InlineData("""{"from":"2026-03-02","to":"2026-03-03","modelVersion":"a b"}""", "'modelVersion'")]
    [InlineData("""{"from":"2026-03-02","to":"2026-03-03","version":"2"}""", "Unknown property 'version'")]
    [InlineData("""[]""", "JSON object")]
    public async Task PutAsync_BadBody_Answers400ProblemAndPinsNothing(string body, string why)
    {
        await _store.IngestAsync("fraud", "1", T0, 5);

        var problem = ApiRequests.Problem(await PutAsync(body));

        Assert.Equal(400, problem.Status);
        Assert.Contains(why, problem.Detail);
        Assert.False(await _store.References.ExistsAsync());
    }

    [Fact]
    public async Task PutAsync_BodyOverTheCommandLimit_Answers413()
    {
        var body = """{"from":"2026-03-02","to":"2026-03-03","pad":""" + "\"" + new string('x', BodyLimits.Command) + "\"}";

        var problem = ApiRequests.Problem(await PutAsync(body));

        Assert.Equal(413, problem.Status);
    }

    [Fact]
    public async Task PutAsync_ReaderWithoutOperator_Answers403AndPinsNothing()
    {
        await _store.IngestAsync("fraud", "1", T0, 5);

        var problem = ApiRequests.Problem(await PutAsync("""{"from":"2026-03-02","to":"2026-03-03"}""", principal: ApiRequests.Principal("ana@contoso.com", "reader", "approver")));

        Assert.Equal(403, problem.Status);
        Assert.False(await _store.References.ExistsAsync());
    }
}
