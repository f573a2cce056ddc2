using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Service.Security;

namespace ModelMonitor.Functions.Api;

/// <summary>
/// <c>GET /api/deadletters?maxPageSize&amp;continuationToken</c> (reader): dead letters oldest first. The store lists
/// everything in order, so the continuation token is the position of the next letter (stable while no older letter
/// is written, which holds for a redelivery-deduplicated, append-mostly store).
/// </summary>
public sealed class DeadLetterFunctions(IDeadLetterStore store)
{
    /// <summary>Largest page served.</summary>
    public const int MaxPageSize = 500;

    [Function("ListDeadLetters")]
    public Task<IActionResult> ListFunction([HttpTrigger(AuthorizationLevel.Function, "get", Route = "deadletters")] HttpRequest request, CancellationToken cancellationToken) =>
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

        var skip = 0;
        if (Paging.HasContinuationToken(request)
            && !int.TryParse(Paging.ContinuationToken(request), NumberStyles.None, CultureInfo.InvariantCulture, out skip))
        {
            return Problems.BadRequest("'continuationToken' is not one this API issued.");
        }

        var items = new List<DeadLetter>(pageSize);
        var position = 0;
        var more = false;
        await foreach (var letter in store.ListAsync(cancellationToken))
        {
            if (position++ < skip)
            {
                continue;
            }

            if (items.Count == pageSize)
            {
                more = true;
                break;
            }

            items.Add(letter);
        }

        var next = more ? (skip + pageSize).ToString(CultureInfo.InvariantCulture) : null;
        return Paging.Page(items, next);
    }
}
