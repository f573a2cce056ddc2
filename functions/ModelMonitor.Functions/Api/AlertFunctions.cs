using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.Security;

namespace ModelMonitor.Functions.Api;

/// <summary>
/// <c>GET /api/alerts?modelId&amp;state&amp;maxPageSize&amp;continuationToken</c> (reader): alert episodes, <c>state</c> one of
/// open (not resolved), firing, acknowledged, resolved; <c>POST /api/alerts/{id}/ack</c> (operator) acknowledges an episode.
/// </summary>
public sealed class AlertFunctions(IAlertBook book)
{
    /// <summary>Largest page served.</summary>
    public const int MaxPageSize = 500;

    [Function("ListAlerts")]
    public Task<IActionResult> ListFunction([HttpTrigger(AuthorizationLevel.Function, "get", Route = "alerts")] HttpRequest request, CancellationToken cancellationToken) =>
        ListAsync(request, cancellationToken);

    [Function("AckAlert")]
    public Task<IActionResult> AckFunction([HttpTrigger(AuthorizationLevel.Function, "post", Route = "alerts/{id}/ack")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        AckAsync(request, id, cancellationToken);

    public async Task<IActionResult> ListAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, denied) = RequestReader.Authorize(request, OpsRoles.Reader);
        if (denied is not null)
        {
            return denied;
        }

        var modelId = Query(request, "modelId");
        var state = Query(request, "state");
        if (modelId is not null && !ModelIds.IsValid(modelId))
        {
            return Problems.BadRequest("'modelId' is not a valid model id.");
        }

        if (state is not null && !AlertStates.All.Contains(state))
        {
            return Problems.BadRequest($"'state' must be one of {string.Join(", ", AlertStates.All)}.");
        }

        var (pageSize, paging) = Paging.Read(request, MaxPageSize);
        if (paging is not null)
        {
            return paging;
        }

        var page = await book.ListAsync(modelId, state, pageSize, Paging.ContinuationToken(request), cancellationToken);
        return Paging.Page(page.Items, page.ContinuationToken);
    }

    public async Task<IActionResult> AckAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (principal, denied) = RequestReader.Authorize(request, OpsRoles.Operator);
        if (denied is not null)
        {
            return denied;
        }

        if (string.IsNullOrWhiteSpace(id) || id.Length > 300 || id.Any(char.IsControl))
        {
            return Problems.BadRequest("The alert id is not valid.");
        }

        var acknowledged = await book.AcknowledgeAsync(id, principal!.Name, cancellationToken);
        return acknowledged is null ? Problems.NotFound($"No alert '{id}'.") : new OkObjectResult(acknowledged);
    }

    private static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
