using Microsoft.AspNetCore.Mvc;
using ModelMonitor.Functions.Api;
using ModelMonitor.Service.Alerts;

namespace ModelMonitor.Functions.Tests.Api;

public sealed class AlertFunctionsTests
{
    private readonly FakeAlertBook _book = new();

    [Fact]
    public async Task ListAsync_Reader_PassesFiltersAndPaging()
    {
        var request = ApiRequests.Create("GET", principal: ApiRequests.Principal("ana@contoso.com", "reader"), query: "?modelId=fraud&state=open&maxPageSize=20&continuationToken=abc");

        Assert.IsType<OkObjectResult>(await new AlertFunctions(_book).ListAsync(request));

        Assert.Equal(("fraud", "open", 20, "abc"), Assert.Single(_book.Lists));
    }

    [Theory]
    [InlineData("?maxPageSize=0")]
    [InlineData("?maxPageSize=100000")]
    [InlineData("?maxPageSize=ten")]
    [InlineData("?state=closed")]
    [InlineData("?modelId=a%2Fb")]
    public async Task ListAsync_BadQuery_Answers400(string query)
    {
        var request = ApiRequests.Create("GET", principal: ApiRequests.Principal("ana@contoso.com", "reader"), query: query);

        Assert.Equal(400, ApiRequests.Problem(await new AlertFunctions(_book).ListAsync(request)).Status);
        Assert.Empty(_book.Lists);
    }

    [Fact]
    public async Task AckAsync_Operator_AcknowledgesAsThePrincipal()
    {
        var result = await new AlertFunctions(_book).AckAsync(ApiRequests.Create("POST", principal: ApiRequests.Principal("ana@contoso.com", "operator")), "fraud~abc");

        Assert.Equal(AlertStates.Acknowledged, Assert.IsType<AlertRecord>(Assert.IsType<OkObjectResult>(result).Value).State);
        Assert.Equal(("fraud~abc", "ana@contoso.com"), Assert.Single(_book.Acks));
    }

    [Fact]
    public async Task AckAsync_Reader_Answers403AndAcknowledgesNothing()
    {
        var result = await new AlertFunctions(_book).AckAsync(ApiRequests.Create("POST", principal: ApiRequests.Principal("ana@contoso.com", "reader")), "fraud~abc");

        Assert.Equal(403, ApiRequests.Problem(result).Status);
        Assert.Empty(_book.Acks);
    }
}
