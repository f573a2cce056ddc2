using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Service.Security;

namespace ModelMonitor.Functions.Api;

/// <summary>
/// <c>GET/PUT /api/models/{id}/config</c>: the model's policy as <c>{"checks":…,"notifications":…,"rollback":…}</c>.
/// The ETag is a hash of the section versions, so <c>If-Match</c> refuses a write over any concurrent edit; each
/// section's content is validated by its owner module, here only JSON well-formedness and known sections.
/// </summary>
public sealed class ConfigFunctions(IModelConfigStore store)
{
    [Function("GetModelConfig")]
    public Task<IActionResult> GetFunction([HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{id}/config")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        GetAsync(request, id, cancellationToken);

    [Function("PutModelConfig")]
    public Task<IActionResult> PutFunction([HttpTrigger(AuthorizationLevel.Function, "put", Route = "models/{id}/config")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        PutAsync(request, id, cancellationToken);

    public async Task<IActionResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, denied) = RequestReader.Authorize(request, OpsRoles.Reader);
        if (denied is not null)
        {
            return denied;
        }

        if (!ModelIds.IsValid(id) && id != ConfigSections.DefaultModel)
        {
            return Problems.BadRequest("The model id is not valid.");
        }

        var (json, etag) = await ReadAsync(id, cancellationToken);
        request.HttpContext.Response.Headers.ETag = etag;
        return new ContentResult { Content = json, ContentType = "application/json", StatusCode = StatusCodes.Status200OK };
    }

    public async Task<IActionResult> PutAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, denied) = RequestReader.Authorize(request, OpsRoles.Operator);
        if (denied is not null)
        {
            return denied;
        }

        if (!ModelIds.IsValid(id) && id != ConfigSections.DefaultModel)
        {
            return Problems.BadRequest("The model id is not valid.");
        }

        var (body, bad) = await RequestReader.ReadJsonAsync(request, BodyLimits.Document, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        var (document, error) = JsonBody.ParseObject(body!);
        if (document is null)
        {
            return Problems.BadRequest(error!);
        }

        var sections = new List<(string Name, string Json)>();
        using (document)
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!ConfigSections.All.Contains(property.Name))
                {
                    return Problems.BadRequest($"Unknown section '{property.Name}': the sections are {string.Join(", ", ConfigSections.All)}.");
                }

                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    return Problems.BadRequest($"Section '{property.Name}' must be a JSON object.");
                }

                var text = property.Value.GetRawText();
                if (text.Length > Storage.Tables.TableModelConfigStore.MaxDocumentChars)
                {
                    return Problems.BadRequest($"Section '{property.Name}' is longer than {Storage.Tables.TableModelConfigStore.MaxDocumentChars} characters.");
                }

                sections.Add((property.Name, text));
            }
        }

        if (sections.Count == 0)
        {
            return Problems.BadRequest("The body names no section.");
        }

        var current = await ReadVersionsAsync(id, cancellationToken);
        var ifMatch = RequestReader.Header(request, "If-Match");
        if (ifMatch is not null && ifMatch != "*" && ifMatch != ETagOf(current))
        {
            return Problems.PreconditionFailed("The configuration changed since it was read: GET it again and reapply the edit.");
        }

        try
        {
            foreach (var (name, json) in sections)
            {
                await store.PutAsync(id, name, json, ifMatch is null ? null : current.GetValueOrDefault(name), cancellationToken);
            }
        }
        catch (WriteConflictException)
        {
            return Problems.PreconditionFailed("The configuration changed while it was written: GET it again and reapply the edit.");
        }

        var (stored, etag) = await ReadAsync(id, cancellationToken);
        request.HttpContext.Response.Headers.ETag = etag;
        return new ContentResult { Content = stored, ContentType = "application/json", StatusCode = StatusCodes.Status200OK };
    }

    private async Task<(string Json, string ETag)> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var builder = new StringBuilder("{");
        await foreach (var document in store.ListAsync(id, cancellationToken))
        {
            if (!ConfigSections.All.Contains(document.Section))
            {
                continue;
            }

            builder.Append(versions.Count == 0 ? string.Empty : ",").Append(JsonSerializer.Serialize(document.Section)).Append(':').Append(document.Json);
            versions[document.Section] = document.Version;
        }

        return (builder.Append('}').ToString(), ETagOf(versions));
    }

    private async Task<SortedDictionary<string, string>> ReadVersionsAsync(string id, CancellationToken cancellationToken)
    {
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var document in store.ListAsync(id, cancellationToken))
        {
            versions[document.Section] = document.Version;
        }

        return versions;
    }

    private static string ETagOf(IDictionary<string, string> versions)
    {
        var joined = string.Join('\n', versions.Where(kv => ConfigSections.All.Contains(kv.Key)).Select(kv => $"{kv.Key}={kv.Value}"));
        return $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..32]}\"";
    }
}
