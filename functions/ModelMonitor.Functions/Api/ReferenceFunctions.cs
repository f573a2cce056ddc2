using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ModelMonitor.Service.Security;
using ModelMonitor.Service.Summaries;

namespace ModelMonitor.Functions.Api;

/// <summary>
/// <c>PUT /api/models/{id}/reference</c> (operator) with <c>{"from":…,"to":…[,"modelVersion":…]}</c>: pins the stored
/// production range as the model's reference, as <c>modelmonitor reference pin</c> does (<see cref="RangeSummaries"/>),
/// the version's own reference with <c>modelVersion</c>, else the model's default read over all versions. Answers what
/// was pinned: <c>{"reference","modelId","modelVersion","from","to","events","features","outcomes"}</c>; 404 when the
/// range holds no data (nothing is replaced then).
/// </summary>
public sealed class ReferenceFunctions(RangeSummaries summaries)
{
    private static readonly HashSet<string> Properties = new(StringComparer.Ordinal) { "from", "to", "modelVersion" };

    [Function("PutModelReference")]
    public Task<IActionResult> PutFunction([HttpTrigger(AuthorizationLevel.Function, "put", Route = "models/{id}/reference")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        PutAsync(request, id, cancellationToken);

    public async Task<IActionResult> PutAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, denied) = RequestReader.Authorize(request, OpsRoles.Operator);
        if (denied is not null)
        {
            return denied;
        }

        if (!ModelIds.IsValid(id))
        {
            return Problems.BadRequest("The model id is not valid.");
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

        string? modelVersion;
        DateTimeOffset from, to;
        using (document)
        {
            var root = document.RootElement;
            foreach (var property in root.EnumerateObject())
            {
                if (!Properties.Contains(property.Name))
                {
                    return Problems.BadRequest($"Unknown property '{property.Name}': the body has 'from', 'to' and optionally 'modelVersion'.");
                }
            }

            var (fromText, fromError) = JsonBody.String(root, "from", 64);
            var (toText, toError) = JsonBody.String(root, "to", 64);
            (modelVersion, var versionError) = JsonBody.String(root, "modelVersion", 128);
            var problem = fromError ?? toError ?? versionError
                ?? (modelVersion is not null && !ModelIds.IsValid(modelVersion) ? "'modelVersion' is not a valid model version." : null);
            if (problem is not null)
            {
                return Problems.BadRequest(problem);
            }

            (from, to, problem) = TimeRanges.Read(fromText, toText);
            if (problem is not null)
            {
                return Problems.BadRequest(problem);
            }
        }

        var pinned = await summaries.PinAsync(id, modelVersion, from, to, cancellationToken);
        if (pinned is null)
        {
            return Problems.NotFound($"No data for model '{id}'{(modelVersion is null ? string.Empty : $" version '{modelVersion}'")} between {SummaryJson.FormatTime(from)} and {SummaryJson.FormatTime(to)}: the reference is unchanged.");
        }

        return new OkObjectResult(new
        {
            reference = pinned.Reference,
            modelId = pinned.ModelId,
            modelVersion = pinned.ModelVersion,
            from = SummaryJson.FormatTime(pinned.From),
            to = SummaryJson.FormatTime(pinned.To),
            events = pinned.Events,
            features = pinned.Features,
            outcomes = pinned.Outcomes,
        });
    }
}
