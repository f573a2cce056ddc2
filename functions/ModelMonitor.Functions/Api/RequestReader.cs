using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ModelMonitor.Service.Security;

namespace ModelMonitor.Functions.Api;

/// <summary>The checks every ops request passes before a handler acts: principal and role, content type, size.</summary>
public static class RequestReader
{
    /// <summary>The caller, or the 401/403 problem to answer.</summary>
    public static (ClientPrincipal? Principal, IActionResult? Problem) Authorize(HttpRequest request, string role)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = ClientPrincipalReader.Read(
            Header(request, ClientPrincipalReader.PrincipalHeader),
            Header(request, ClientPrincipalReader.IdentityProviderHeader),
            Header(request, ClientPrincipalReader.NameHeader));
        if (result.Principal is null)
        {
            return (null, Problems.Unauthorized(result.Error!));
        }

        return result.Principal.IsInRole(role)
            ? (result.Principal, null)
            : (null, Problems.Forbidden($"This operation needs the '{role}' role."));
    }

    /// <summary>Reads a JSON body of at most <paramref name="limit"/> bytes, or the 413/415 problem to answer.</summary>
    public static async Task<(byte[]? Body, IActionResult? Problem)> ReadJsonAsync(HttpRequest request, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return (null, Problems.UnsupportedMediaType());
        }

        if (request.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }

        // Content-Length can be absent (chunked) or wrong: read at most one byte past the limit to know.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, Problems.TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    public static string? Header(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var media = contentType.Split(';', 2)[0].Trim();
        return string.Equals(media, "application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
