using Microsoft.AspNetCore.Mvc;
using ModelMonitor.Functions.Api;
using ModelMonitor.Service.Rollbacks;

namespace ModelMonitor.Functions.Tests.Api;

public sealed class RollbackFunctionsTests
{
    private readonly RecordingRollbackStarter _starter = new();

    private RollbackFunctions Functions => new(_starter);

    [Fact]
    public async Task StartAsync_Operator_Answers202WithTheStatusUrlAndPassesTheRequest()
    {
        var request = ApiRequests.Create("POST", """{"modelId":"fraud","reason":"recall dropped","dryRun":true}""", principal: ApiRequests.Principal("ana@contoso.com", "operator"));

        var result = Assert.IsType<AcceptedResult>(await Functions.StartAsync(request));

        Assert.Equal("https://mm.example/api/rollbacks/rollback-fraud", result.Location);
        Assert.Equal(new RollbackRequest("fraud", "recall dropped", true, "ana@contoso.com"), Assert.Single(_starter.Requests));
    }

    [Fact]
    public async Task StartAsync_WhileOneRuns_Answers409ProblemWithTheRunningInstancesUrl()
    {
        var principal = ApiRequests.Principal("ana@contoso.com", "operator");
        await Functions.StartAsync(ApiRequests.Create("POST", """{"modelId":"fraud","reason":"a"}""", principal: principal));

        var second = await Functions.StartAsync(ApiRequests.Create("POST", """{"modelId":"fraud","reason":"b"}""", principal: principal));

        var problem = ApiRequests.Problem(second);
        Assert.Equal(409, problem.Status);
        Assert.Equal("https://mm.example/api/rollbacks/rollback-fraud", problem.Instance);
    }

    [Fact]
    public async Task StartAsync_ModelWithoutRollbackTarget_Answers404ProblemNamingTheModel()
    {
        var request = ApiRequests.Create("POST", """{"modelId":"churn","reason":"x"}""", principal: ApiRequests.Principal("ana@contoso.com", "operator"));

        var problem = ApiRequests.Problem(await new RollbackFunctions(new UnknownTargetRollbackStarter()).StartAsync(request));

        Assert.Equal(404, problem.Status);
        Assert.Contains("'churn' has no rollback target", problem.Detail);
    }

    [Fact]
    public async Task StartAsync_StoredRollbackPolicyInvalid_Answers422ProblemNamingThePath()
    {
        var request = ApiRequests.Create("POST", """{"modelId":"churn","reason":"x"}""", principal: ApiRequests.Principal("ana@contoso.com", "operator"));

        var problem = ApiRequests.Problem(await new RollbackFunctions(new InvalidConfigRollbackStarter()).StartAsync(request));

        Assert.Equal(422, problem.Status);
        Assert.Contains("$.targets.churn.site: required", problem.Detail);
    }

    [Fact]
    public async Task StartAsync_ReaderOnly_Answers403AndStartsNothing()
    {
        var result = await Functions.StartAsync(ApiRequests.Create("POST", """{"modelId":"fraud","reason":"x"}""", principal: ApiRequests.Principal("ana@contoso.com", "reader", "approver")));

        Assert.Equal(403, ApiRequests.Problem(result).Status);
        Assert.Empty(_starter.Requests);
    }

    [Fact]
    public async Task StartAsync_NoPrincipal_Answers401AndStartsNothing()
    {
        var result = await Functions.StartAsync(ApiRequests.Create("POST", """{"modelId":"fraud","reason":"x"}"""));

        Assert.Equal(401, ApiRequests.Problem(result).Status);
        Assert.Empty(_starter.Requests);
    }

    [Theory]
    [InlineData("""{"reason":"x"}""")]
    [InlineData("""{"modelId":"fraud"}""")]
    [InlineData("""{"modelId":"../etc","reason":"x"}""")]
    [InlineData("""{"modelId":5,"reason":"x"}""")]
    [InlineData("""{"modelId":"fraud","reason":"x","dryRun":"yes"}""")]
    [InlineData("""[]""")]
    [InlineData("""{"modelId":"fraud",""")]
    public async Task StartAsync_InvalidBody_Answers400ProblemAndStartsNothing(string body)
    {
        var result = await Functions.StartAsync(ApiRequests.Create("POST", body, principal: ApiRequests.Principal("ana@contoso.com", "operator")));

        Assert.Equal(400, ApiRequests.Problem(result).Status);
        Assert.Empty(_starter.Requests);
    }

    [Fact]
    public async Task StatusAsync_Reader_ReturnsTheInstance()
    {
        var instances = new FakeRollbackInstances(FakeRollbackInstances.Running("rollback-fraud"));

        var result = await RollbackFunctions.StatusAsync(ApiRequests.Create("GET", principal: ApiRequests.Principal("ana@contoso.com", "reader")), "rollback-fraud", instances);

        Assert.Equal("Running", Assert.IsType<RollbackStatus>(Assert.IsType<OkObjectResult>(result).Value).RuntimeStatus);
    }

    [Fact]
    public async Task StatusAsync_Unknown_Answers404Problem()
    {
        var result = await RollbackFunctions.StatusAsync(ApiRequests.Create("GET", principal: ApiRequests.Principal("ana@contoso.com", "reader")), "nope", new FakeRollbackInstances());

        Assert.Equal(404, ApiRequests.Problem(result).Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DecideAsync_Approver_RaisesTheDecisionAsThePrincipal(bool approved)
    {
        var instances = new FakeRollbackInstances(FakeRollbackInstances.Running("rollback-fraud"));
        var request = ApiRequests.Create("POST", """{"comment":"checked the dashboards"}""", principal: ApiRequests.Principal("bo@contoso.com", "approver"), user: "bo@contoso.com");

        var result = await RollbackFunctions.DecideAsync(request, "rollback-fraud", approved, instances);

        Assert.IsType<AcceptedResult>(result);
        var (id, decision) = Assert.Single(instances.Raised);
        Assert.Equal("rollback-fraud", id);
        Assert.Equal(new ApprovalDecision(approved, "bo@contoso.com", "checked the dashboards"), decision);
    }

    [Fact]
    public async Task DecideAsync_OperatorWithoutApproverRole_Answers403AndRaisesNothing()
    {
        var instances = new FakeRollbackInstances(FakeRollbackInstances.Running("rollback-fraud"));

        var result = await RollbackFunctions.DecideAsync(ApiRequests.Create("POST", principal: ApiRequests.Principal("ana@contoso.com", "operator", "reader")), "rollback-fraud", true, instances);

        Assert.Equal(403, ApiRequests.Problem(result).Status);
        Assert.Empty(instances.Raised);
    }

    [Fact]
    public async Task DecideAsync_FinishedInstance_Answers409AndRaisesNothing()
    {
        var instances = new FakeRollbackInstances(new RollbackStatus("rollback-fraud", "Completed", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null));

        var result = await RollbackFunctions.DecideAsync(ApiRequests.Create("POST", principal: ApiRequests.Principal("bo@contoso.com", "approver"), user: "bo@contoso.com"), "rollback-fraud", true, instances);

        Assert.Equal(409, ApiRequests.Problem(result).Status);
        Assert.Empty(instances.Raised);
    }
}
