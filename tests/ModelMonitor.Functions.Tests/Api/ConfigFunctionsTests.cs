using Microsoft.AspNetCore.Mvc;
using ModelMonitor.Functions.Api;

namespace ModelMonitor.Functions.Tests.Api;

public sealed class ConfigFunctionsTests
{
    private readonly FakeConfigStore _store = new();

    private ConfigFunctions Functions => new(_store);

    private static string Operator => ApiRequests.Principal("ana@contoso.com", "operator", "reader");

    [Fact]
    public async Task PutThenGet_RoundTripsSectionsWithAnETag()
    {
        var put = ApiRequests.Create("PUT", """{"checks":{"psi":0.2},"rollback":{"targets":{}}}""", principal: Operator);
        Assert.Equal(200, ApiRequests.Status(await Functions.PutAsync(put, "fraud")));

        var get = ApiRequests.Create("GET", principal: Operator);
        var result = Assert.IsType<ContentResult>(await Functions.GetAsync(get, "fraud"));

        Assert.Equal("""{"checks":{"psi":0.2},"rollback":{"targets":{}}}""", result.Content);
        Assert.Equal(put.HttpContext.Response.Headers.ETag.ToString(), get.HttpContext.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task PutAsync_StaleIfMatch_Answers412AndWritesNothing()
    {
        await Functions.PutAsync(ApiRequests.Create("PUT", """{"checks":{"psi":0.2}}""", principal: Operator), "fraud");
        var stale = ApiRequests.Create("PUT", """{"checks":{"psi":0.3}}""", principal: Operator);
        stale.Headers.IfMatch = "\"0000\"";

        Assert.Equal(412, ApiRequests.Problem(await Functions.PutAsync(stale, "fraud")).Status);
        Assert.Single(_store.Writes);
    }

    [Fact]
    public async Task PutAsync_CurrentIfMatch_Writes()
    {
        var first = ApiRequests.Create("PUT", """{"checks":{"psi":0.2}}""", principal: Operator);
        await Functions.PutAsync(first, "fraud");
        var next = ApiRequests.Create("PUT", """{"checks":{"psi":0.3}}""", principal: Operator);
        next.Headers.IfMatch = first.HttpContext.Response.Headers.ETag.ToString();

        Assert.Equal(200, ApiRequests.Status(await Functions.PutAsync(next, "fraud")));
        Assert.Equal(2, _store.Writes.Count);
    }

    [Theory]
    [InlineData("""{"unknown":{}}""")]
    [InlineData("""{"checks":[1]}""")]
    [InlineData("""{}""")]
    [InlineData("""{"checks":{""")]
    [InlineData("""null""")]
    public async Task PutAsync_BadDocument_Answers400AndWritesNothing(string body)
    {
        Assert.Equal(400, ApiRequests.Problem(await Functions.PutAsync(ApiRequests.Create("PUT", body, principal: Operator), "fraud")).Status);
        Assert.Empty(_store.Writes);
    }

    [Fact]
    public async Task PutAsync_ReaderOnly_Answers403AndWritesNothing()
    {
        var result = await Functions.PutAsync(ApiRequests.Create("PUT", """{"checks":{}}""", principal: ApiRequests.Principal("r@contoso.com", "reader"), user: "r@contoso.com"), "fraud");

        Assert.Equal(403, ApiRequests.Problem(result).Status);
        Assert.Empty(_store.Writes);
    }
}
