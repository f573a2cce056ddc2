using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ModelMonitor.Functions.Api;

/// <summary>The <c>maxPageSize</c> query parameter of listing endpoints (with <c>continuationToken</c>).</summary>
public static class Paging
{
    /// <summary>Page size when the caller names none.</summary>
    public const int DefaultPageSize = 100;

    public static (int PageSize, IActionResult? Problem) Read(HttpRequest request, int max)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Query.TryGetValue("maxPageSize", out var values) || values.Count == 0)
        {
            return (Math.Min(DefaultPageSize, max), null);
        }

        return values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is > 0 && size <= max
            ? (size, null)
            : (0, Problems.BadRequest($"'maxPageSize' must be a whole number from 1 to {max}."));
    }

    /// <summary>The caller's <c>continuationToken</c>; null when absent, empty or repeated.</summary>
    public static string? ContinuationToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query.TryGetValue("continuationToken", out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
    }

    /// <summary>Whether the caller sent a <c>continuationToken</c> at all (a repeated one is not one this API issued).</summary>
    public static bool HasContinuationToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query.TryGetValue("continuationToken", out var values) && values.Count > 0;
    }

    /// <summary>The one page shape of every listing: <c>{"items":[…],"continuationToken":…}</c>, null on the last page.</summary>
    public static OkObjectResult Page<T>(T items, string? continuationToken) => new(new { items, continuationToken });
}
