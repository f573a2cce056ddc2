using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ModelMonitor.Service.Security;
using ModelMonitor.Service.Summaries;

namespace ModelMonitor.Functions.Api;

/// <summary>
/// <c>GET /api/models/{id}/summary?from&amp;to[&amp;modelVersion]</c> (reader): the model's merged summary over [from, to)
/// (all versions unless <c>modelVersion</c>), in the JSON shape <c>modelmonitor summary --format json</c> prints
/// (<see cref="SummaryJson"/>); 404 when nothing is stored in the range.
/// </summary>
public sealed class SummaryFunctions(RangeSummaries summaries)
{
    [Function("GetModelSummary")]
    public Task<IActionResult> GetFunction([HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{id}/summary")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        GetAsync(request, id, cancellationToken);

    public async Task<IActionResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, denied) = RequestReader.Authorize(request, OpsRoles.Reader);
        if (denied is not null)
        {
            return denied;
        }

        if (!ModelIds.IsValid(id))
        {
            return Problems.BadRequest("The model id is not valid.");
        }

        var version = Query(request, "modelVersion");
        if (version.Present && !ModelIds.IsValid(version.Value))
        {
            return Problems.BadRequest("'modelVersion' is not a valid model version.");
        }

        var (from, to, error) = TimeRanges.Read(Query(request, "from").Value, Query(request, "to").Value);
        if (error is not null)
        {
            return Problems.BadRequest(error);
        }

        var summary = await summaries.ReadAsync(id, version.Value, from, to, cancellationToken);
        if (summary is null)
        {
            return Problems.NotFound($"No data for model '{id}'{(version.Value is null ? string.Empty : $" version '{version.Value}'")} between {SummaryJson.FormatTime(from)} and {SummaryJson.FormatTime(to)}.");
        }

        return new ContentResult { Content = SummaryJson.Serialize(SummaryView.Create(summary, from, to)), ContentType = "application/json", StatusCode = StatusCodes.Status200OK };
    }

    // A repeated parameter is present but invalid (null value), so it is refused rather than silently ignored.
    private static (bool Present, string? Value) Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? (true, values.Count == 1 ? values[0] : null) : (false, null);
}
