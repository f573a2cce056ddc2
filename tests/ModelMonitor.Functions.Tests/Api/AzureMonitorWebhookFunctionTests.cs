using Microsoft.AspNetCore.Mvc;
using ModelMonitor.Functions.Api;
using ModelMonitor.Service.AzureMonitor;
using ModelMonitor.Service.Rollbacks;
using ModelMonitor.Service.Security;

namespace ModelMonitor.Functions.Tests.Api;

public sealed class AzureMonitorWebhookFunctionTests
{
    private const string Secret = "webhook-secret-1";
    private readonly RecordingRollbackStarter _starter = new();

    private AzureMonitorWebhookFunction Function(params RollbackTarget[] targets) => new(
        new WebhookAuthenticator(new WebhookAuthOptions { WebhookSharedSecret = Secret }),
        new AzureMonitorAlertHandler(new StaticRollbackTargets(targets), new InMemoryAlertReceiptLog(), _starter, TimeProvider.System));

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "AzureMonitor", "Samples", name));

    private static Microsoft.AspNetCore.Http.HttpRequest Post(byte[] body, string? secret = Secret, string contentType = "application/json")
    {
        var request = ApiRequests.Create("POST", body, contentType, principal: null);
        if (secret is not null)
        {
            request.Headers[AzureMonitorWebhookFunction.SecretHeader] = secret;
        }

        return request;
    }

    public static TheoryData<string> PublishedSamples() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "AzureMonitor", "Samples"), "*.json").Select(Path.GetFileName).Where(n => !n!.StartsWith("other-", StringComparison.Ordinal)).Select(n => n!)];

    [Theory]
    [MemberData(nameof(PublishedSamples))]
    public async Task HandleAsync_EveryPublishedSample_Answers200(string sample)
    {
        var result = await Function().HandleAsync(Post(Sample(sample)));

        Assert.IsType<AzureAlertOutcome>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Empty(_starter.Requests);
    }

    [Fact]
    public async Task HandleAsync_FiredThenRepeatedThenResolved_StartsOneRollback()
    {
        var function = Function(new RollbackTarget("storage-model", "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/test-RG/providers/Microsoft.Storage/storageAccounts/test-storageAccount", false));
        var fired = Sample("metric-static-platform.json");

        var first = (AzureAlertOutcome)((OkObjectResult)await function.HandleAsync(Post(fired))).Value!;
        var repeat = (AzureAlertOutcome)((OkObjectResult)await function.HandleAsync(Post(fired))).Value!;
        var resolved = (AzureAlertOutcome)((OkObjectResult)await function.HandleAsync(Post(System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(fired).Replace("\"Fired\"", "\"Resolved\"", StringComparison.Ordinal))))).Value!;

        Assert.Equal(AzureAlertActions.RollbackStarted, first.Action);
        Assert.Equal(AzureAlertActions.Ignored, repeat.Action);
        Assert.True(repeat.Duplicate);
        Assert.Equal(AzureAlertActions.Recorded, resolved.Action);
        Assert.Single(_starter.Requests);
    }

    [Fact]
    public async Task HandleAsync_OtherSchema_Answers400NamingTheCommonAlertSchema()
    {
        var problem = ApiRequests.Problem(await Function().HandleAsync(Post(Sample("other-schema-metric-alert-v2.json"))));

        Assert.Equal(400, problem.Status);
        Assert.Contains("Common Alert Schema", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData("")]
    public async Task HandleAsync_MissingOrWrongSecret_Answers401AndStartsNothing(string? secret)
    {
        var function = Function(new RollbackTarget("storage-model", "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/test-RG/providers/Microsoft.Storage/storageAccounts/test-storageAccount", false));

        var result = await function.HandleAsync(Post(Sample("metric-static-platform.json"), secret));

        Assert.Equal(401, ApiRequests.Problem(result).Status);
        Assert.Empty(_starter.Requests);
    }

    [Fact]
    public async Task HandleAsync_SecretInTheQuery_IsAccepted()
    {
        var request = Post(Sample("log-v2.json"), secret: null);
        request.QueryString = new Microsoft.AspNetCore.Http.QueryString($"?secret={Secret}");

        Assert.IsType<OkObjectResult>(await Function().HandleAsync(request));
    }

    [Fact]
    public async Task HandleAsync_Over256KB_Answers413()
    {
        var body = new byte[BodyLimits.Webhook + 1];
        Array.Fill(body, (byte)' ');

        Assert.Equal(413, ApiRequests.Problem(await Function().HandleAsync(Post(body))).Status);
    }

    [Fact]
    public async Task HandleAsync_WrongContentType_Answers415()
    {
        Assert.Equal(415, ApiRequests.Problem(await Function().HandleAsync(Post(Sample("log-v2.json"), contentType: "text/plain"))).Status);
    }
}
