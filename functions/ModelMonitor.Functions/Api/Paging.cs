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
}
