using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using ModelMonitor.Functions.Hosting;
using ModelMonitor.Service.Rollbacks;
using ModelMonitor.Service.Security;

namespace ModelMonitor.Functions.Api;

/// <summary>
/// <c>POST /api/rollbacks</c> (operator), <c>GET /api/rollbacks/{id}</c> (reader), <c>POST /api/rollbacks/{id}/approve</c>
/// and <c>/reject</c> (approver). The static <c>[Function]</c> methods bind (with the DurableTask client, which only a
/// binding provides); the handler methods, which tests call, act.
/// </summary>
public sealed class RollbackFunctions(IRollbackStarter starter)
{
    [Function("StartRollback")]
    public static Task<IActionResult> StartFunction(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "rollbacks")] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The starter needs the bound client, so it is built per call (the class is never activated by the worker).
        var starter = context.InstanceServices.GetRequiredService<RollbackStarters>().Create(client);
        return new RollbackFunctions(starter).StartAsync(request, cancellationToken);
    }

    [Function("GetRollback")]
    public static Task<IActionResult> StatusFunction(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "rollbacks/{id}")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        StatusAsync(request, id, new DurableRollbackInstances(client), cancellationToken);

    [Function("ApproveRollback")]
    public static Task<IActionResult> ApproveFunction(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "rollbacks/{id}/approve")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        DecideAsync(request, id, approved: true, new DurableRollbackInstances(client), cancellationToken);

    [Function("RejectRollback")]
    public static Task<IActionResult> RejectFunction(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "rollbacks/{id}/reject")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        DecideAsync(request, id, approved: false, new DurableRollbackInstances(client), cancellationToken);

    public async Task<IActionResult> StartAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (principal, denied) = RequestReader.Authorize(request, OpsRoles.Operator);
        if (denied is not null)
        {
            return denied;
        }

        var (body, bad) = await RequestReader.ReadJsonAsync(request, BodyLimits.Command, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        var (document, error) = JsonBody.ParseObject(body!);
        if (document is null)
        {
            return Problems.BadRequest(error!);
        }

        using (document)
        {
            var root = document.RootElement;
            var (modelId, modelError) = JsonBody.String(root, "modelId", 128);
            var (reason, reasonError) = JsonBody.String(root, "reason", 1000);
            var (dryRun, dryRunError) = JsonBody.Boolean(root, "dryRun", fallback: false);
            var problem = modelError ?? reasonError ?? dryRunError
                ?? (!ModelIds.IsValid(modelId) ? "'modelId' is required: letters, digits, '.', '_', ':' or '-', at most 128." : null)
                ?? (string.IsNullOrWhiteSpace(reason) ? "'reason' is required." : null);
            if (problem is not null)
            {
                return Problems.BadRequest(problem);
            }

            RollbackStartResult result;
            try
            {
                result = await starter.StartAsync(new RollbackRequest(modelId!, reason!, dryRun, principal!.Name), cancellationToken);
            }
            catch (UnknownRollbackTargetException)
            {
                // The request is well formed; the model it names has no target in its rollback policy (docs/rollbacks.md).
                return Problems.NotFound($"Model '{modelId}' has no rollback target configured: set one in its 'rollback' policy section (PUT /api/models/{modelId}/config).");
            }
            catch (InvalidRollbackConfigException ex)
            {
                // The request is fine; the stored policy no longer validates, and an operator must fix it before anything is swapped.
                return Problems.Create(StatusCodes.Status422UnprocessableEntity, "Rollback configuration invalid", $"The 'rollback' policy of '{modelId}' is invalid: {string.Join("; ", ex.Errors)}");
            }

            var statusUrl = StatusUrl(request, result.InstanceId);
            if (!result.Started)
            {
                return Problems.Conflict($"A rollback of '{modelId}' is already {result.RuntimeStatus.ToLowerInvariant()}: {statusUrl}", statusUrl);
            }

            return new AcceptedResult(statusUrl, new { instanceId = result.InstanceId, statusUrl, runtimeStatus = result.RuntimeStatus });
        }
    }

    public static async Task<IActionResult> StatusAsync(HttpRequest request, string id, IRollbackInstances instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var (_, denied) = RequestReader.Authorize(request, OpsRoles.Reader);
        if (denied is not null)
        {
            return denied;
        }

        if (!ModelIds.IsValid(id))
        {
            return Problems.BadRequest("The rollback id is not a valid instance id.");
        }

        var status = await instances.GetAsync(id, cancellationToken);
        return status is null ? Problems.NotFound($"No rollback '{id}'.") : new OkObjectResult(status);
    }

    public static async Task<IActionResult> DecideAsync(HttpRequest request, string id, bool approved, IRollbackInstances instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var (principal, denied) = RequestReader.Authorize(request, OpsRoles.Approver);
        if (denied is not null)
        {
            return denied;
        }

        if (!ModelIds.IsValid(id))
        {
            return Problems.BadRequest("The rollback id is not a valid instance id.");
        }

        string? comment = null;
        if (request.ContentLength is > 0 || !string.IsNullOrEmpty(request.ContentType))
        {
            var (body, bad) = await RequestReader.ReadJsonAsync(request, BodyLimits.Command, cancellationToken);
            if (bad is not null)
            {
                return bad;
            }

            var (document, error) = JsonBody.ParseObject(body!, allowEmpty: true);
            if (document is null)
            {
                return Problems.BadRequest(error!);
            }

            using (document)
            {
                (comment, error) = JsonBody.String(document.RootElement, "comment", 1000);
                if (error is not null)
                {
                    return Problems.BadRequest(error);
                }
            }
        }

        var status = await instances.GetAsync(id, cancellationToken);
        if (status is null)
        {
            return Problems.NotFound($"No rollback '{id}'.");
        }

        if (status.RuntimeStatus is not ("Running" or "Pending"))
        {
            return Problems.Conflict($"Rollback '{id}' is {status.RuntimeStatus.ToLowerInvariant()}: nothing waits for a decision.");
        }

        // Four eyes (approver differs from requester) is the orchestration's check: it alone knows the requester.
        await instances.RaiseApprovalAsync(id, new ApprovalDecision(approved, principal!.Name, comment), cancellationToken);
        return new AcceptedResult(StatusUrl(request, id), new { instanceId = id, decision = approved ? "approved" : "rejected" });
    }

    private static string StatusUrl(HttpRequest request, string instanceId)
    {
        var path = $"/api/rollbacks/{Uri.EscapeDataString(instanceId)}";
        return request.Host.HasValue ? $"{request.Scheme}://{request.Host}{path}" : path;
    }
}
