using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using ModelMonitor.Functions.Hosting;
using ModelMonitor.Service.AzureMonitor;
using ModelMonitor.Service.Security;

namespace ModelMonitor.Functions.Api;

/// <summary>
/// <c>POST /api/alerts/azure-monitor</c>: the action group webhook (Common Alert Schema). A function key plus a
/// secure-webhook Entra token or the shared secret; no App Service principal, since Azure Monitor is not a user.
/// </summary>
public sealed class AzureMonitorWebhookFunction(WebhookAuthenticator authenticator, AzureMonitorAlertHandler handler)
{
    /// <summary>The header carrying the shared secret (the <c>secret</c> query parameter works too: action groups cannot set headers).</summary>
    public const string SecretHeader = "X-Webhook-Secret";

    [Function("AzureMonitorAlert")]
    public static Task<IActionResult> RunFunction(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "alerts/azure-monitor")] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The handler's starter needs the bound client, so the function is assembled per call.
        var services = context.InstanceServices;
        var handler = new AzureMonitorAlertHandler(
            services.GetRequiredService<IRollbackTargets>(),
            services.GetRequiredService<IAlertReceiptLog>(),
            services.GetRequiredService<RollbackStarters>().Create(client),
            services.GetRequiredService<TimeProvider>());
        return new AzureMonitorWebhookFunction(services.GetRequiredService<WebhookAuthenticator>(), handler).HandleAsync(request, cancellationToken);
    }

    public async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var secret = RequestReader.Header(request, SecretHeader) ?? (request.Query.TryGetValue("secret", out var q) && q.Count == 1 ? q[0] : null);
        var refused = await authenticator.AuthenticateAsync(RequestReader.Header(request, "Authorization"), secret, cancellationToken);
        if (refused is not null)
        {
            return Problems.Unauthorized(refused);
        }

        var (body, bad) = await RequestReader.ReadJsonAsync(request, BodyLimits.Webhook, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        var parsed = CommonAlertParser.Parse(body);
        if (parsed.Alert is null)
        {
            return Problems.BadRequest(parsed.Error!);
        }

        return new OkObjectResult(await handler.HandleAsync(parsed.Alert, dryRun: false, cancellationToken));
    }
}
