using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ModelMonitor.Service.Blocklist;
using ModelMonitor.Service.Security;

namespace ModelMonitor.Functions.Api;

/// <summary><c>GET /api/blocklist?maxPageSize&amp;continuationToken</c> (reader): the block list, read-only.</summary>
public sealed class BlocklistFunctions(TableBlocklist blocklist)
{
    /// <summary>Largest page served.</summary>
    public const int MaxPageSize = 500;

    [Function("ListBlocklist")]
    public Task<IActionResult> ListFunction([HttpTrigger(AuthorizationLevel.Function, "get", Route = "blocklist")] HttpRequest request, CancellationToken cancellationToken) =>
        ListAsync(request, cancellationToken);

    public async Task<IActionResult> ListAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, denied) = RequestReader.Authorize(request, OpsRoles.Reader);
        if (denied is not null)
        {
            return denied;
        }

        var (pageSize, paging) = Paging.Read(request, MaxPageSize);
        if (paging is not null)
        {
            return paging;
        }

        var page = await blocklist.ListAsync(pageSize, Paging.ContinuationToken(request), cancellationToken);
        // The documented row shape (caller, reason, since, expiry, addedBy); the scope is the row's partition.
        var items = page.Items.Select(e => new { caller = e.CallerId, reason = e.Reason, since = e.Since, expiry = e.Expiry, addedBy = e.AddedBy }).ToList();
        return Paging.Page(items, page.ContinuationToken);
    }
}
