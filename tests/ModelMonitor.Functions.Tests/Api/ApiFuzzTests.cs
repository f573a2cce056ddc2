using System.Text;
using FsCheck.Xunit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ModelMonitor.Functions.Api;
using ModelMonitor.Service.AzureMonitor;
using ModelMonitor.Service.Rollbacks;
using ModelMonitor.Service.Security;

namespace ModelMonitor.Functions.Tests.Api;

/// <summary>
/// Every endpoint under malformed bodies, wrong content types, oversized bodies, missing, undecodable and forged
/// principals and wrong roles: never an exception or a 5xx, every error a problem document, and no action without
/// the right role (the starter, store, book and instances record every call).
/// </summary>
public sealed class ApiFuzzTests
{
    private const string Secret = "fuzz-secret";
    private const string Site = "/subscriptions/s/resourceGroups/r/providers/Microsoft.Web/sites/fraud";

    private sealed class World
    {
        public RecordingRollbackStarter Starter { get; } = new();
        public FakeConfigStore Store { get; } = new();
        public FakeAlertBook Book { get; } = new();
        public FakeRollbackInstances Instances { get; } = new(FakeRollbackInstances.Running("rollback-fraud"));

        /// <summary>Azurite windows with data in the valid range; the references container exists only once a pin wrote it.</summary>
        public StoredWindows Windows => SharedWindows;

        public int Actions => Starter.Requests.Count + Store.Writes.Count + Book.Acks.Count + Instances.Raised.Count + (ReferencesWritten ? 1 : 0);

        public bool ReferencesWritten { get; set; }
    }

    private sealed record Endpoint(string Name, string Method, string? Role, string ValidBody, Func<World, HttpRequest, Task<IActionResult>> Call);

    private static readonly Endpoint[] Endpoints =
    [
        new("start", "POST", OpsRoles.Operator, """{"modelId":"fraud","reason":"r"}""", (w, r) => new RollbackFunctions(w.Starter).StartAsync(r)),
        new("status", "GET", OpsRoles.Reader, "", (w, r) => RollbackFunctions.StatusAsync(r, "rollback-fraud", w.Instances)),
        new("approve", "POST", OpsRoles.Approver, """{"comment":"ok"}""", (w, r) => RollbackFunctions.DecideAsync(r, "rollback-fraud", true, w.Instances)),
        new("reject", "POST", OpsRoles.Approver, "", (w, r) => RollbackFunctions.DecideAsync(r, "rollback-fraud", false, w.Instances)),
        new("alerts", "GET", OpsRoles.Reader, "", (w, r) => new AlertFunctions(w.Book).ListAsync(r)),
        new("ack", "POST", OpsRoles.Operator, "", (w, r) => new AlertFunctions(w.Book).AckAsync(r, "fraud~abc")),
        new("get-config", "GET", OpsRoles.Reader, "", (w, r) => new ConfigFunctions(w.Store).GetAsync(r, "fraud")),
        new("put-config", "PUT", OpsRoles.Operator, """{"checks":{"psi":0.2}}""", (w, r) => new ConfigFunctions(w.Store).PutAsync(r, "fraud")),
        new("deadletters", "GET", OpsRoles.Reader, "", (w, r) => new DeadLetterFunctions(new FakeDeadLetterStore(3)).ListAsync(r)),
        new("summary", "GET", OpsRoles.Reader, "", (w, r) => new SummaryFunctions(w.Windows.Summaries).GetAsync(WithQuery(r, "?from=2026-03-02&to=2026-03-03"), "fraud")),
        new("reference", "PUT", OpsRoles.Operator, """{"from":"2026-03-02","to":"2026-03-03"}""", PinAsync),
        new("webhook", "POST", null, """{"schemaId":"azureMonitorCommonAlertSchema","data":{"essentials":{"alertId":"a1","monitorCondition":"Fired","alertTargetIDs":["/subscriptions/s/resourceGroups/r/providers/Microsoft.Web/sites/fraud"]}}}""", Webhook),
    ];

    // One Azurite store for the whole matrix (read-only for every case but the pins, each checked and undone below).
    private static readonly StoredWindows SharedWindows = CreateSharedWindows();

    private static StoredWindows CreateSharedWindows()
    {
        var store = new StoredWindows();
        store.IngestAsync("fraud", "1", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), 10).GetAwaiter().GetResult();
        return store;
    }

    private static HttpRequest WithQuery(HttpRequest request, string query)
    {
        request.QueryString = new QueryString(query);
        return request;
    }

    private static async Task<IActionResult> PinAsync(World w, HttpRequest r)
    {
        var result = await new ReferenceFunctions(w.Windows.Summaries).PutAsync(r, "fraud");
        w.ReferencesWritten = await w.Windows.References.ExistsAsync();
        await w.Windows.References.DeleteIfExistsAsync();
        return result;
    }

    private static Task<IActionResult> Webhook(World w, HttpRequest r) =>
        new AzureMonitorWebhookFunction(
            new WebhookAuthenticator(new WebhookAuthOptions { WebhookSharedSecret = Secret }),
            new AzureMonitorAlertHandler(new StaticRollbackTargets([new RollbackTarget("fraud", Site, false)]), new InMemoryAlertReceiptLog(), w.Starter, TimeProvider.System)).HandleAsync(r);

    private static readonly (string Name, string? Header, string? User)[] PrincipalCases =
    [
        ("missing", null, null),
        ("undecodable", "!!not base64!!", "ana@contoso.com"),
        ("base64-not-json", Convert.ToBase64String(Encoding.UTF8.GetBytes("hello")), "ana@contoso.com"),
        ("json-without-claims", Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"auth_typ":"aad"}""")), "ana@contoso.com"),
        ("name-mismatch", ApiRequests.Principal("mallory", "operator", "reader", "approver"), "ana@contoso.com"),
        ("no-roles", ApiRequests.Principal("ana@contoso.com"), "ana@contoso.com"),
        ("reader", ApiRequests.Principal("ana@contoso.com", "reader"), "ana@contoso.com"),
        ("operator", ApiRequests.Principal("ana@contoso.com", "operator"), "ana@contoso.com"),
        ("approver", ApiRequests.Principal("ana@contoso.com", "approver"), "ana@contoso.com"),
        ("all-roles", ApiRequests.Principal("ana@contoso.com", "reader", "operator", "approver"), "ana@contoso.com"),
    ];

    private static readonly (string Name, byte[]? Body, string? ContentType)[] BodyCases =
    [
        ("none", null, null),
        ("empty-json", [], "application/json"),
        ("truncated", "{\"modelId\":"u8.ToArray(), "application/json"),
        ("array", "[1,2,3]"u8.ToArray(), "application/json"),
        ("null", "null"u8.ToArray(), "application/json"),
        ("deep", Encoding.UTF8.GetBytes(new string('[', 5000)), "application/json"),
        ("binary", [0xFF, 0xFE, 0x00, 0x01, 0x80], "application/json"),
        ("xml", "<a/>"u8.ToArray(), "application/xml"),
        ("text", "{}"u8.ToArray(), "text/plain"),
        ("no-content-type", "{}"u8.ToArray(), null),
        ("oversized", Oversized(), "application/json"),
    ];

    private static byte[] Oversized()
    {
        var bytes = new byte[BodyLimits.Document + 1];
        Array.Fill(bytes, (byte)' ');
        return bytes;
    }

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var principal in PrincipalCases)
            {
                foreach (var body in BodyCases.Select(b => b.Name).Append("valid"))
                {
                    data.Add(endpoint.Name, principal.Name, body);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_AnyPrincipalAndBody_NeverFailsAndNeverActsWithoutTheRole(string endpointName, string principalName, string bodyName)
    {
        var endpoint = Endpoints.Single(e => e.Name == endpointName);
        var principal = PrincipalCases.Single(p => p.Name == principalName);
        var (body, contentType) = bodyName == "valid"
            ? (Encoding.UTF8.GetBytes(endpoint.ValidBody), "application/json; charset=utf-8")
            : BodyCases.Where(b => b.Name == bodyName).Select(b => (b.Body, b.ContentType)).Single();
        var request = ApiRequests.Create(endpoint.Method, body, contentType, principal.Header, principal.User);
        if (endpoint.Role is null && principalName == "all-roles")
        {
            request.Headers[AzureMonitorWebhookFunction.SecretHeader] = Secret;
        }

        var world = new World();
        var result = await endpoint.Call(world, request);
        var status = ApiRequests.Status(result);

        Assert.InRange(status, 200, 499);
        if (status >= 400)
        {
            ApiRequests.Problem(result);
            Assert.Equal(0, world.Actions);
        }

        var authorized = endpoint.Role is null
            ? principalName == "all-roles"
            : principalName == "all-roles" || principalName == endpoint.Role;
        if (!authorized)
        {
            Assert.Contains(status, new[] { 401, 403 });
            Assert.Equal(0, world.Actions);
        }
    }

    [Property(MaxTest = 200)]
    public bool StartAndWebhook_RandomBytes_NeverThrowOrAnswer5xx(byte[] body)
    {
        var world = new World();
        var start = ApiRequests.Create("POST", body, "application/json", ApiRequests.Principal("ana@contoso.com", "operator"));
        var hook = ApiRequests.Create("POST", body, "application/json", principal: null);
        hook.Headers[AzureMonitorWebhookFunction.SecretHeader] = Secret;

        var a = ApiRequests.Status(new RollbackFunctions(world.Starter).StartAsync(start).GetAwaiter().GetResult());
        var b = ApiRequests.Status(Webhook(world, hook).GetAwaiter().GetResult());

        return a is >= 200 and < 500 && b is >= 200 and < 500;
    }

    [Property(MaxTest = 200)]
    public bool PutConfig_RandomJsonishText_NeverThrowsOrAnswers5xx(string text)
    {
        var world = new World();
        var request = ApiRequests.Create("PUT", "{\"checks\":" + (text ?? string.Empty) + "}", principal: ApiRequests.Principal("ana@contoso.com", "operator"));

        var status = ApiRequests.Status(new ConfigFunctions(world.Store).PutAsync(request, "fraud").GetAwaiter().GetResult());

        return status is 200 or 400;
    }
}
